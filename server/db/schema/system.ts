import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users.ts';
import { workdomains } from './workdomains.ts';

/** Mail written in the same transaction as the change that causes it; a worker delivers it. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    template: text('template').notNull(),
    /** Template props. Secrets in them are erased once the mail is sent or cancelled. */
    props: jsonb('props').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'sent', 'cancelled', 'failed'] })
      .notNull()
      .default('pending'),
    /** Mail with the same key replaces a pending one (a resent code cancels the old one). */
    supersedeKey: text('supersede_key'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('email_outbox_status_next_attempt_at_idx').on(t.status, t.nextAttemptAt),
    index('email_outbox_supersede_key_idx').on(t.supersedeKey),
    // One summary per person in charge gathers registrants until a worker claims it (attempts > 0).
    uniqueIndex('email_outbox_open_digest_idx')
      .on(t.supersedeKey)
      .where(sql`template = 'pic-digest' and status = 'pending' and attempts = 0`),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workdomainId: uuid('workdomain_id')
      .notNull()
      .references(() => workdomains.id, { onDelete: 'cascade' }),
    /** Null when the system or the operator CLI acted. */
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actor: text('actor', { enum: ['admin', 'system', 'operator'] }).notNull(),
    action: text('action').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    // The statement's own time, not the transaction's: entries written together keep their order.
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index('audit_log_workdomain_id_created_at_idx').on(t.workdomainId, t.createdAt)],
);

/** Fixed-window counters: one row per key and window. */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'rate_limit_counters_pk', columns: [t.key, t.windowStart] })],
);

/** Keys generated once and shared by every server process on the database. */
export const serverKeys = pgTable('server_keys', {
  kid: text('kid').primaryKey(),
  purpose: text('purpose', { enum: ['signing', 'code_hmac'] }).notNull(),
  material: jsonb('material').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Periodic jobs that any process may run: the one whose update moves `nextRunAt` runs this round. */
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull().defaultNow(),
});
