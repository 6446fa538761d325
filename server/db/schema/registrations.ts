import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { type ClosedReason, closedReasons, firstMessageModes } from '../../../contract/enums.ts';

export { type ClosedReason, closedReasons };

import { users } from './users.ts';
import { workdomains } from './workdomains.ts';

/** One row per workdomain that has ever touched public registration. */
export const registrationSettings = pgTable('registration_settings', {
  workdomainId: uuid('workdomain_id')
    .primaryKey()
    .references(() => workdomains.id, { onDelete: 'cascade' }),
  open: boolean('open').notNull().default(false),
  closedReason: text('closed_reason', { enum: closedReasons }),
  picUserId: uuid('pic_user_id').references(() => users.id, { onDelete: 'set null' }),
  welcomeMessage: text('welcome_message').notNull().default(''),
  /** Whether the form asks the registrant for a first message to the PIC. */
  message: text('message', { enum: firstMessageModes }).notNull().default('off'),
  /** Created on the first open; stays the same until an admin regenerates it. */
  linkId: text('link_id').unique('registration_settings_link_id_idx'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const registrationStates = [
  'code_sent',
  'notice_sent',
  'signin_code_sent',
  'verified',
  'completed',
  'dead',
] as const;
export type RegistrationState = (typeof registrationStates)[number];

/** A registrant between "start" and a verified code. */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey(),
    workdomainId: uuid('workdomain_id')
      .notNull()
      .references(() => workdomains.id, { onDelete: 'cascade' }),
    linkId: text('link_id').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    emailCanonical: text('email_canonical').notNull(),
    state: text('state', { enum: registrationStates }).notNull(),
    /** HMAC-SHA256 of the code under the server's code key; null for notice-only registrations. */
    codeHash: text('code_hash'),
    /** The hash of the code a resend replaced, to tell its holder that a newer code exists. */
    previousCodeHash: text('previous_code_hash'),
    codeExpiresAt: timestamp('code_expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    sends: integer('sends').notNull().default(1),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull().defaultNow(),
    /** The registrant's first message to the PIC, posted when the code is verified. */
    message: text('message'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registrations_workdomain_id_created_at_idx').on(t.workdomainId, t.createdAt)],
);

/** Funnel counters for the admin panel: one row per event. */
export const funnelEvents = pgTable(
  'funnel_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workdomainId: uuid('workdomain_id')
      .notNull()
      .references(() => workdomains.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['link_viewed', 'code_sent', 'verified', 'account_created'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('funnel_events_workdomain_id_created_at_idx').on(t.workdomainId, t.createdAt)],
);
