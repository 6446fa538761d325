import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { RegistrationSettings } from '../../contract/admin.ts';
import { createInternalUser } from '../accounts/users.ts';
import { workdomains } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { openRegistration } from '../registration/availability.ts';
import { showRegistration, updateRegistrationSettings } from '../registration/settings.ts';
import { createWorkdomain } from '../workdomains/workdomains.ts';

export interface DemoSeed {
  workdomainSlug: string;
  admin: { email: string; password: string };
  pic: { email: string; password: string };
  registration: RegistrationSettings;
}

const DEMO_SLUG = 'acme';
const ADMIN_EMAIL = 'admin@acme.example';
const PIC_EMAIL = 'pat@acme.example';
const password = () => `demo-${randomBytes(6).toString('base64url')}`;

/** On an empty database: a Pro workdomain with an admin, a PIC and open registration. Null otherwise. */
export async function seedDemoIfEmpty(deps: AppDeps): Promise<DemoSeed | null> {
  const [{ total }] = (await deps.db.select({ total: count() }).from(workdomains)) as [{ total: number }];
  if (total > 0) return null;
  const workdomain = await createWorkdomain(deps.db, {
    name: 'Acme Trading',
    slug: DEMO_SLUG,
    plan: 'pro',
    externalUserLimit: 25,
  });
  const admin = { email: ADMIN_EMAIL, password: password() };
  const pic = { email: PIC_EMAIL, password: password() };
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
  await openRegistration(deps.db, workdomain.id, operator);
  const registration = await showRegistration(deps.db, workdomain.id, deps.config.publicUrl);
  return { workdomainSlug: workdomain.slug, admin, pic, registration };
}

export const demoCredentialsFile = (dataDir: string) => path.join(dataDir, 'demo-credentials.json');

/** Only the owner may read it: it holds the demo passwords. */
function saveCredentials(file: string, seed: DemoSeed) {
  mkdirSync(path.dirname(file), { recursive: true });
  const body = { workdomain: seed.workdomainSlug, admin: seed.admin, pic: seed.pic };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/**
 * What `npm start` prints about the demo, on every start while DEMO=1: the first start seeds it
 * and shows the generated passwords once (they are saved under DATA_DIR); later starts show the
 * same links and where the passwords are, never the passwords themselves.
 */
export async function demoBanner(deps: AppDeps): Promise<string[]> {
  const { config } = deps;
  if (!config.demo) return [];
  const file = demoCredentialsFile(config.dataDir);
  const seed = await seedDemoIfEmpty(deps);
  if (seed) saveCredentials(file, seed);
  const [workdomain] = await deps.db
    .select({ id: workdomains.id })
    .from(workdomains)
    .where(eq(workdomains.slug, DEMO_SLUG));
  if (!workdomain) return [];
  const registration =
    seed?.registration ?? (await showRegistration(deps.db, workdomain.id, config.publicUrl));
  const passwordHint = existsSync(file)
    ? `passwords in ${file}`
    : `set a password: npm run cli -- user set-password --workdomain ${DEMO_SLUG} --email ${ADMIN_EMAIL} --password-stdin`;
  return [
    '',
    `Demo workdomain "Acme Trading" (slug ${DEMO_SLUG}, plan pro, 25 external seats):`,
    `  registration page: ${registration.url ?? '(registration has not been opened)'}`,
    `  admin page:        ${config.publicUrl}/admin`,
    ...(seed
      ? [
          `    admin:  ${seed.admin.email} / ${seed.admin.password}`,
          `    PIC:    ${seed.pic.email} / ${seed.pic.password}`,
          `    (saved to ${file}, readable only by you)`,
        ]
      : [`    admin:  ${ADMIN_EMAIL}, PIC: ${PIC_EMAIL} (${passwordHint})`]),
    ...(config.devMailbox ? [`  dev mailbox:       ${config.publicUrl}/dev/mailbox`] : []),
    ...(registration.embed
      ? ['  embed snippet:', ...registration.embed.split('\n').map((line) => `    ${line}`)]
      : []),
  ];
}
