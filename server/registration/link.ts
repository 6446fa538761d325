import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { registrationLinks, registrationSettings, workdomains } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';

export const newLinkId = () => randomBytes(12).toString('base64url');

export const registrationUrl = (publicUrl: string, linkId: string) => `${publicUrl}/join/${linkId}`;

export const embedSnippet = (publicUrl: string, linkId: string) =>
  `<script type="module" src="${publicUrl}/widget/chatpoint-register.js"></script>\n` +
  `<chatpoint-register link="${linkId}"></chatpoint-register>`;

/**
 * The settings and workdomain behind a link id: the default link or any other live link of the
 * workdomain. 404 link_not_found for an unknown, deleted or replaced link.
 */
export async function findLink(db: Queryable, linkId: string) {
  const [row] = await db
    .select({ settings: registrationSettings, workdomain: workdomains })
    .from(registrationLinks)
    .innerJoin(registrationSettings, eq(registrationSettings.workdomainId, registrationLinks.workdomainId))
    .innerJoin(workdomains, eq(workdomains.id, registrationLinks.workdomainId))
    .where(and(eq(registrationLinks.linkId, linkId), isNull(registrationLinks.deletedAt)));
  if (!row) throw new AppError('link_not_found');
  return row;
}

export type RegistrationLink = Awaited<ReturnType<typeof findLink>>;
