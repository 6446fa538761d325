import { eq } from 'drizzle-orm';
import { parsePersonName } from '../accounts/email-address.ts';
import type { Database, Queryable } from '../db/client.ts';
import { isUniqueViolation } from '../db/client.ts';
import { type Plan, plans, workdomains } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';

export async function createWorkdomain(
  db: Database,
  input: { name: string; slug: string; plan: string; externalUserLimit: number },
) {
  const name = parsePersonName(input.name);
  if (!name) throw new AppError('invalid_request', { message: 'A workdomain name has 1 to 100 characters.' });
  if (!/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(input.slug)) {
    throw new AppError('invalid_request', {
      message: 'A slug has 1 to 40 lower-case letters, digits or dashes.',
    });
  }
  if (!plans.includes(input.plan as Plan)) {
    throw new AppError('invalid_request', { message: `The plan is one of ${plans.join(', ')}.` });
  }
  if (!Number.isInteger(input.externalUserLimit) || input.externalUserLimit < 0) {
    throw new AppError('invalid_request', {
      message: 'The external-user limit is a whole number, 0 or more.',
    });
  }
  try {
    const [workdomain] = await db
      .insert(workdomains)
      .values({
        name,
        slug: input.slug,
        plan: input.plan as Plan,
        externalUserLimit: input.externalUserLimit,
      })
      .returning();
    return workdomain!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('slug_taken');
    throw error;
  }
}

export async function findWorkdomainBySlug(db: Queryable, slug: string) {
  const [workdomain] = await db.select().from(workdomains).where(eq(workdomains.slug, slug));
  if (!workdomain)
    throw new AppError('workdomain_not_found', { message: `No workdomain has the slug "${slug}".` });
  return workdomain;
}

export async function loadWorkdomain(db: Queryable, workdomainId: string) {
  const [workdomain] = await db.select().from(workdomains).where(eq(workdomains.id, workdomainId));
  if (!workdomain) throw new AppError('workdomain_not_found');
  return workdomain;
}
