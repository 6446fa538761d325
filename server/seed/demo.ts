import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import type { RegistrationSettings } from '../../contract/admin.ts';
import { createInternalUser } from '../accounts/users.ts';
import { workdomains } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { openRegistration, updateRegistrationSettings } from '../registration/settings.ts';
import { createWorkdomain } from '../workdomains/workdomains.ts';

export interface DemoSeed {
  workdomainSlug: string;
  admin: { email: string; password: string };
  pic: { email: string; password: string };
  registration: RegistrationSettings;
}

const password = () => `demo-${randomBytes(6).toString('base64url')}`;

/** On an empty database: a Pro workdomain with an admin, a PIC and open registration. Null otherwise. */
export async function seedDemoIfEmpty(deps: AppDeps): Promise<DemoSeed | null> {
  const [{ total }] = (await deps.db.select({ total: count() }).from(workdomains)) as [{ total: number }];
  if (total > 0) return null;
  const workdomain = await createWorkdomain(deps.db, {
    name: 'Acme Trading',
    slug: 'acme',
    plan: 'pro',
    externalUserLimit: 25,
  });
  const admin = { email: 'admin@acme.example', password: password() };
  const pic = { email: 'pat@acme.example', password: password() };
  await createInternalUser(deps.db, deps.hasher, {
    workdomainId: workdomain.id,
    email: admin.email,
    name: 'Grace Admin',
    password: admin.password,
    role: 'admin',
  });
  const picUser = await createInternalUser(deps.db, deps.hasher, {
    workdomainId: workdomain.id,
    email: pic.email,
    name: 'Pat Chen',
    password: pic.password,
    role: 'member',
  });
  const operator = { kind: 'operator' } as const;
  await updateRegistrationSettings(
    deps.db,
    workdomain.id,
    {
      picUserId: picUser.id,
      welcomeMessage: 'Hi, I am Pat from Acme Trading. Welcome! How can I help you today?',
    },
    operator,
    deps.config.publicUrl,
  );
  const registration = await openRegistration(deps.db, workdomain.id, operator, deps.config.publicUrl);
  return { workdomainSlug: workdomain.slug, admin, pic, registration };
}
