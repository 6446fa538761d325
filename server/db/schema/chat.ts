import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';
import { workdomains } from './workdomains.ts';

/** Direct contacts; stored both ways so each side lists the other. */
export const contacts = pgTable(
  'contacts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    contactUserId: uuid('contact_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'contacts_pk', columns: [t.userId, t.contactUserId] })],
);

/** A direct conversation between two users; `userAId` sorts before `userBId`. */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workdomainId: uuid('workdomain_id')
      .notNull()
      .references(() => workdomains.id, { onDelete: 'cascade' }),
    userAId: uuid('user_a_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userBId: uuid('user_b_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('conversations_user_a_id_user_b_id_idx').on(t.userAId, t.userBId)],
);

/**
 * What a system line says, stored as facts and put into words in each reader's language when read
 * (server/chat/system-lines.ts). Names are kept as they were at the time.
 */
export type SystemEvent =
  | {
      type: 'joined';
      /** No id on lines converted from the English text of earlier versions. */
      user: { id?: string; name: string };
      workdomain: { name: string };
      /** `site`: the widget on the business's own web site; `page`: the hosted registration page. */
      via: 'site' | 'page';
      /** The registrant's answers to the form's questions, listed under the line. */
      answers?: {
        key: string;
        label: Partial<Record<'en' | 'zh-Hant' | 'zh-Hans' | 'ja', string>>;
        value: string | boolean;
      }[];
    }
  | { type: 'pic_assigned'; pic: { id: string; name: string } };

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** Null for system lines such as "Ann registered through the public link". */
    senderId: uuid('sender_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ['text', 'system'] })
      .notNull()
      .default('text'),
    /** For system lines: the English rendering, kept for readers of the raw row and as a fallback. */
    body: text('body').notNull(),
    /** For system lines written since events were stored; older lines have only their English body. */
    event: jsonb('event').$type<SystemEvent>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('messages_conversation_id_created_at_idx').on(t.conversationId, t.createdAt)],
);

/** When a user last fetched a conversation's messages: what came from the other side later is unread. */
export const conversationReads = pgTable(
  'conversation_reads',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'conversation_reads_pk', columns: [t.userId, t.conversationId] })],
);
