import { aliasedTable, and, asc, desc, eq, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { Language } from '../../contract/languages.ts';
import type { Queryable } from '../db/client.ts';
import { conversationReads, conversations, messages, type SystemEvent, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { bodyFor } from './system-lines.ts';

export const MAX_MESSAGE_LENGTH = 4000;
/** One page of history; polling with `after` fetches the rest. */
export const MESSAGE_PAGE_SIZE = 200;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MessageView {
  id: string;
  senderId: string | null;
  body: string;
  createdAt: string;
  kind: 'text' | 'system';
}

/** Who reads: system lines are put into words in their language. */
export interface Reader {
  id: string;
  lang: Language;
}

const messageColumns = {
  id: messages.id,
  senderId: messages.senderId,
  body: messages.body,
  event: messages.event,
  createdAt: messages.createdAt,
  kind: messages.kind,
};

type MessageRow = { createdAt: Date; event: SystemEvent | null } & Omit<MessageView, 'createdAt'>;

const toView =
  (lang: Language) =>
  ({ event, ...row }: MessageRow): MessageView => ({
    ...row,
    body: bodyFor({ body: row.body, event }, lang),
    createdAt: row.createdAt.toISOString(),
  });

/**
 * The user's conversations, with the other participant and the last line, newest activity first.
 * `unassigned`: an external user's conversation with someone no longer active, while no active
 * person of the workdomain is in any of their conversations: nobody looks after them yet.
 */
export async function listConversations(db: Queryable, reader: Reader & { kind: 'internal' | 'external' }) {
  const userId = reader.id;
  const other = aliasedTable(users, 'other');
  const rows = await db
    .select({
      id: conversations.id,
      createdAt: conversations.createdAt,
      with: { id: other.id, name: other.name, email: other.email },
      withStatus: other.status,
      withKind: other.kind,
    })
    .from(conversations)
    .innerJoin(
      other,
      sql`${other.id} = case when ${conversations.userAId} = ${userId} then ${conversations.userBId} else ${conversations.userAId} end`,
    )
    .where(or(eq(conversations.userAId, userId), eq(conversations.userBId, userId)));
  if (rows.length === 0) return [];

  const lastLines = await db
    .selectDistinctOn([messages.conversationId], {
      conversationId: messages.conversationId,
      ...messageColumns,
    })
    .from(messages)
    .where(
      inArray(
        messages.conversationId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(messages.conversationId, desc(messages.createdAt), desc(messages.id));
  const lastByConversation = new Map(lastLines.map(({ conversationId, ...line }) => [conversationId, line]));
  const unreadByConversation = await countUnread(
    db,
    userId,
    rows.map((row) => row.id),
  );

  const lookedAfter = rows.some((row) => row.withStatus === 'active' && row.withKind === 'internal');
  return rows
    .map((row) => {
      const last = lastByConversation.get(row.id);
      const active = row.withStatus === 'active';
      return {
        id: row.id,
        with: { ...row.with, active },
        unassigned: reader.kind === 'external' && !active && !lookedAfter,
        lastMessage: last ? toView(reader.lang)(last) : null,
        unread: unreadByConversation.get(row.id) ?? 0,
        activity: (last?.createdAt ?? row.createdAt).getTime(),
      };
    })
    .sort((a, b) => b.activity - a.activity)
    .map(({ activity: _activity, ...conversation }) => conversation);
}

/**
 * Messages from the other side since the user last fetched the conversation. System lines and
 * the user's own messages are never unread.
 */
async function countUnread(db: Queryable, userId: string, conversationIds: string[]) {
  const rows = await db
    .select({ conversationId: messages.conversationId, unread: sql<number>`count(*)::int` })
    .from(messages)
    .leftJoin(
      conversationReads,
      and(
        eq(conversationReads.conversationId, messages.conversationId),
        eq(conversationReads.userId, userId),
      ),
    )
    .where(
      and(
        inArray(messages.conversationId, conversationIds),
        isNotNull(messages.senderId),
        ne(messages.senderId, userId),
        // Millisecond precision, as `createdAt` travels: the newest message shown is not unread.
        or(
          isNull(conversationReads.lastReadAt),
          sql`date_trunc('milliseconds', ${messages.createdAt}) > ${conversationReads.lastReadAt}`,
        ),
      ),
    )
    .groupBy(messages.conversationId);
  return new Map(rows.map((row) => [row.conversationId, Number(row.unread)]));
}

/** Marks what the user was just shown as read: up to the newest message fetched, never backwards. */
async function markRead(db: Queryable, conversationId: string, userId: string, shown: { createdAt: Date }[]) {
  const newest = shown.at(-1)?.createdAt;
  if (!newest) return;
  await db
    .insert(conversationReads)
    .values({ userId, conversationId, lastReadAt: newest })
    .onConflictDoUpdate({
      target: [conversationReads.userId, conversationReads.conversationId],
      set: { lastReadAt: sql`greatest(${conversationReads.lastReadAt}, excluded.last_read_at)` },
    });
}

/** Only a participant sees a conversation; to anyone else it does not exist. */
async function requireParticipant(db: Queryable, conversationId: string, userId: string) {
  if (!UUID.test(conversationId)) throw new AppError('conversation_not_found');
  const [conversation] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.id, conversationId),
        or(eq(conversations.userAId, userId), eq(conversations.userBId, userId)),
      ),
    );
  if (!conversation) throw new AppError('conversation_not_found');
}

/**
 * Where `after` points: a message id of this conversation, or an ISO time. Times compare at
 * millisecond precision, the precision `createdAt` is shown with, so polling with the last
 * `createdAt` never returns that message again.
 */
async function afterCondition(db: Queryable, conversationId: string, after: string) {
  if (UUID.test(after)) {
    const [mark] = await db
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.id, after), eq(messages.conversationId, conversationId)));
    if (!mark)
      throw new AppError('invalid_request', { message: '"after" is not a message of this conversation.' });
    return sql`(${messages.createdAt}, ${messages.id}) > (select m.created_at, m.id from messages m where m.id = ${after})`;
  }
  const time = new Date(after);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(after) || Number.isNaN(time.getTime())) {
    throw new AppError('invalid_request', { message: '"after" is a message id or an ISO 8601 time.' });
  }
  return sql`date_trunc('milliseconds', ${messages.createdAt}) > ${time.toISOString()}::timestamptz`;
}

/** Oldest first: the latest page, or with `after`, the next page after that point. */
export async function listMessages(
  db: Queryable,
  conversationId: string,
  reader: Reader,
  after?: string,
): Promise<MessageView[]> {
  const userId = reader.id;
  await requireParticipant(db, conversationId, userId);
  const inConversation = eq(messages.conversationId, conversationId);
  if (after) {
    const rows = await db
      .select(messageColumns)
      .from(messages)
      .where(and(inConversation, await afterCondition(db, conversationId, after)))
      .orderBy(asc(messages.createdAt), asc(messages.id))
      .limit(MESSAGE_PAGE_SIZE);
    await markRead(db, conversationId, userId, rows);
    return rows.map(toView(reader.lang));
  }
  const rows = await db
    .select(messageColumns)
    .from(messages)
    .where(inConversation)
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(MESSAGE_PAGE_SIZE);
  rows.reverse();
  await markRead(db, conversationId, userId, rows);
  return rows.map(toView(reader.lang));
}

/** 1–4000 characters of text, not only white space; NUL cannot be stored in PostgreSQL text. */
function parseMessageBody(body: string): string {
  const length = [...body].length;
  if (length < 1 || length > MAX_MESSAGE_LENGTH || body.trim() === '' || body.includes('\u0000')) {
    throw new AppError('invalid_message');
  }
  return body;
}

export async function postMessage(
  db: Queryable,
  conversationId: string,
  userId: string,
  body: string,
): Promise<MessageView> {
  const text = parseMessageBody(body);
  await requireParticipant(db, conversationId, userId);
  const [row] = await db
    .insert(messages)
    .values({ conversationId, senderId: userId, kind: 'text', body: text })
    .returning(messageColumns);
  return toView('en')(row!);
}
