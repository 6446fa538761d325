import { and, asc, eq, or } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { conversations, messages, registrationLinks, registrations, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { consentHistory } from './consent-ledger.ts';

/**
 * Everything stored about one person of the workdomain, as one JSON document (docs/privacy.md): the
 * account, every consent, every registration for their address and every message they sent or
 * received. A user of another workdomain → 404.
 */
export async function exportUser(db: Queryable, workdomainId: string, userId: string) {
  const [row] = await db
    .select({ user: users, linkLabel: registrationLinks.label })
    .from(users)
    .leftJoin(registrationLinks, eq(registrationLinks.linkId, users.registeredViaLinkId))
    .where(and(eq(users.id, userId), eq(users.workdomainId, workdomainId)));
  if (!row) throw new AppError('user_not_found');
  const { user } = row;
  const [ledger, registered, sentOrReceived] = await Promise.all([
    consentHistory(db, user.id),
    db
      .select({
        id: registrations.id,
        state: registrations.state,
        linkId: registrations.linkId,
        createdAt: registrations.createdAt,
      })
      .from(registrations)
      .where(
        and(
          eq(registrations.workdomainId, workdomainId),
          eq(registrations.emailCanonical, user.emailCanonical),
        ),
      )
      .orderBy(asc(registrations.createdAt)),
    db
      .select({
        conversationId: messages.conversationId,
        senderId: messages.senderId,
        body: messages.body,
        createdAt: messages.createdAt,
      })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(or(eq(conversations.userAId, user.id), eq(conversations.userBId, user.id)))
      .orderBy(asc(messages.createdAt), asc(messages.id)),
  ]);
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      kind: user.kind,
      status: user.status,
      lang: user.lang,
      createdAt: user.createdAt.toISOString(),
      fields: user.fields,
      registeredVia: user.registeredViaLinkId
        ? { linkId: user.registeredViaLinkId, label: row.linkLabel }
        : null,
    },
    consents: ledger.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
    registrations: registered.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    messages: sentOrReceived.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
  };
}

export type UserExport = Awaited<ReturnType<typeof exportUser>>;
