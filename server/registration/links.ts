import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { limits } from '../../contract/limits.ts';
import type { RegistrationLink } from '../../contract/links.ts';
import { type Actor, writeAudit } from '../audit/write.ts';
import type { Database, Queryable, Tx } from '../db/client.ts';
import { registrationLinks, registrationSettings, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { lockSettings } from '../workdomains/settings-lock.ts';
import { embedSnippet, newLinkId, registrationUrl } from './link.ts';
import { embedPinnedSnippet } from './widget-pin.ts';

/** The label of the link created on the first open. */
export const DEFAULT_LINK_LABEL = 'default';

/** Records the default link; called where the first open creates it. */
export async function addDefaultLink(tx: Tx, workdomainId: string, linkId: string) {
  await tx
    .insert(registrationLinks)
    .values({ linkId, workdomainId, label: DEFAULT_LINK_LABEL })
    .onConflictDoNothing();
}

/** Retires the old default link and records its replacement (a regenerated link). */
export async function replaceDefaultLink(tx: Tx, workdomainId: string, from: string | null, to: string) {
  if (from) {
    await tx
      .update(registrationLinks)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(registrationLinks.linkId, from), isNull(registrationLinks.deletedAt)));
  }
  await addDefaultLink(tx, workdomainId, to);
}

/** Whether a link still leads to the workdomain's registration (not deleted or replaced). */
export async function isLinkLive(db: Queryable, workdomainId: string, linkId: string) {
  const [row] = await db
    .select({ linkId: registrationLinks.linkId })
    .from(registrationLinks)
    .where(
      and(
        eq(registrationLinks.linkId, linkId),
        eq(registrationLinks.workdomainId, workdomainId),
        isNull(registrationLinks.deletedAt),
      ),
    );
  return Boolean(row);
}

/**
 * Databases made before links had their own table know only the default link, in the settings
 * row: record it as a link too. Idempotent; run at start.
 */
export async function adoptDefaultLinks(db: Database) {
  await db.execute(sql`
    insert into ${registrationLinks} (link_id, workdomain_id, label, created_at)
    select s.link_id, s.workdomain_id, ${DEFAULT_LINK_LABEL}, s.updated_at
    from ${registrationSettings} s
    where s.link_id is not null
    on conflict do nothing`);
}

/** The workdomain's live links, the default one first, each with how many users came through it. */
export async function listLinks(
  db: Queryable,
  workdomainId: string,
  publicUrl: string,
): Promise<RegistrationLink[]> {
  const [settings] = await db
    .select({ linkId: registrationSettings.linkId })
    .from(registrationSettings)
    .where(eq(registrationSettings.workdomainId, workdomainId));
  const defaultLinkId = settings?.linkId ?? null;
  const registered = db
    .select({ linkId: users.registeredViaLinkId, registrations: count().as('registrations') })
    .from(users)
    .where(and(eq(users.workdomainId, workdomainId), isNotNull(users.registeredViaLinkId)))
    .groupBy(users.registeredViaLinkId)
    .as('registered');
  const rows = await db
    .select({
      linkId: registrationLinks.linkId,
      label: registrationLinks.label,
      createdAt: registrationLinks.createdAt,
      registrations: sql<number>`coalesce(${registered.registrations}, 0)::int`,
    })
    .from(registrationLinks)
    .leftJoin(registered, eq(registered.linkId, registrationLinks.linkId))
    .where(and(eq(registrationLinks.workdomainId, workdomainId), isNull(registrationLinks.deletedAt)))
    .orderBy(
      sql`${registrationLinks.linkId} = ${defaultLinkId ?? ''} desc`,
      asc(registrationLinks.createdAt),
      asc(registrationLinks.linkId),
    );
  return rows.map((row) => ({
    linkId: row.linkId,
    label: row.label,
    url: registrationUrl(publicUrl, row.linkId),
    embed: embedSnippet(publicUrl, row.linkId),
    embedPinned: embedPinnedSnippet(publicUrl, row.linkId),
    createdAt: row.createdAt.toISOString(),
    registrations: Number(row.registrations),
    default: row.linkId === defaultLinkId,
  }));
}

/** Another entrance to the same registration, for one site or campaign. */
export async function createLink(
  db: Database,
  workdomainId: string,
  label: string,
  actor: Actor,
  publicUrl: string,
): Promise<RegistrationLink> {
  const linkId = newLinkId();
  await db.transaction(async (tx) => {
    const settings = await lockSettings(tx, workdomainId);
    if (!settings.linkId) {
      throw new AppError('conflict', {
        message: 'Open registration once to create the first link, then add more links.',
      });
    }
    const [live] = await tx
      .select({ n: count() })
      .from(registrationLinks)
      .where(and(eq(registrationLinks.workdomainId, workdomainId), isNull(registrationLinks.deletedAt)));
    if (Number(live?.n ?? 0) >= limits.registrationLinksMax) {
      throw new AppError('conflict', {
        message: `A workdomain can have at most ${limits.registrationLinksMax} registration links. Delete one first.`,
      });
    }
    await tx.insert(registrationLinks).values({ linkId, workdomainId, label });
    await writeAudit(tx, workdomainId, actor, 'link_created', { linkId, label });
  });
  const created = (await listLinks(db, workdomainId, publicUrl)).find((link) => link.linkId === linkId);
  return created!;
}

/** Deletes a link: it answers link_not_found from then on. The default link stays (409 conflict). */
export async function deleteLink(db: Database, workdomainId: string, linkId: string, actor: Actor) {
  await db.transaction(async (tx) => {
    // The settings lock orders this against a registration completing through the same link.
    const settings = await lockSettings(tx, workdomainId);
    if (settings.linkId === linkId) {
      throw new AppError('conflict', {
        message: 'The default link cannot be deleted. Regenerate it to replace it.',
      });
    }
    const deleted = await tx
      .update(registrationLinks)
      .set({ deletedAt: sql`now()` })
      .where(
        and(
          eq(registrationLinks.linkId, linkId),
          eq(registrationLinks.workdomainId, workdomainId),
          isNull(registrationLinks.deletedAt),
        ),
      )
      .returning({ label: registrationLinks.label });
    if (deleted.length === 0) throw new AppError('link_not_found');
    await writeAudit(tx, workdomainId, actor, 'link_deleted', { linkId, label: deleted[0]!.label });
  });
}

/** A live link of the workdomain as an SVG QR code of its URL. */
export async function linkQrSvg(db: Queryable, workdomainId: string, linkId: string, publicUrl: string) {
  if (!(await isLinkLive(db, workdomainId, linkId))) throw new AppError('link_not_found');
  return QRCode.toString(registrationUrl(publicUrl, linkId), {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
  });
}
