import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  type ClosedReason,
  closedReasons,
  firstMessageModes,
  picNoticeModes,
} from '../../../contract/enums.ts';
import { type Language, languages } from '../../../contract/languages.ts';
import type { FieldAnswers, RegistrationField } from '../../../contract/registration-fields.ts';

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
  /** The welcome message per language; a registrant without one in their language gets welcomeMessage. */
  welcomeMessages: jsonb('welcome_messages').$type<Partial<Record<Language, string>>>().notNull().default({}),
  /** Whether the form asks the registrant for a first message to the PIC. */
  message: text('message', { enum: firstMessageModes }).notNull().default('off'),
  /** How the PIC hears of new registrants (README, Administration). */
  picNotice: text('pic_notice', { enum: picNoticeModes }).notNull().default('each'),
  /** Created on the first open; stays the same until an admin regenerates it. */
  linkId: text('link_id').unique('registration_settings_link_id_idx'),
  /** Who may register and from where (docs/admin-guide.md). Domains and origins are stored normalised. */
  allowedEmailDomains: text('allowed_email_domains').array().notNull().default([]),
  blockedEmailDomains: text('blocked_email_domains').array().notNull().default([]),
  blockDisposableEmails: boolean('block_disposable_emails').notNull().default(true),
  allowedOrigins: text('allowed_origins').array().notNull().default([]),
  botProtection: boolean('bot_protection').notNull().default(false),
  /** The notice, consent and questions of the form (docs/privacy.md). */
  privacyPolicyUrl: text('privacy_policy_url'),
  termsUrl: text('terms_url'),
  consentRequired: boolean('consent_required').notNull().default(false),
  policyVersion: text('policy_version').notNull().default('1'),
  marketingOptIn: boolean('marketing_opt_in').notNull().default(false),
  fields: jsonb('fields').$type<RegistrationField[]>().notNull().default([]),
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
    /** The registrant's language, resolved from `lang` at start; the account inherits it. */
    lang: text('lang', { enum: languages }).notNull().default('en'),
    state: text('state', { enum: registrationStates }).notNull(),
    /* Its code (hash, expiry, tries) is a row of verification_codes with this id as subject. */
    sends: integer('sends').notNull().default(1),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull().defaultNow(),
    /** The registrant's first message to the PIC, posted when the code is verified. */
    message: text('message'),
    /** The Origin header of the start request, if any: which page the registrant came from. */
    origin: text('origin'),
    /** The policy version agreed to at start, or null; recorded in the consent ledger on completion. */
    consentVersion: text('consent_version'),
    /** The marketing choice at start, when the link offered one. */
    marketing: boolean('marketing'),
    /** Answers to the link's questions, checked at start. */
    fields: jsonb('fields').$type<FieldAnswers>(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registrations_workdomain_id_created_at_idx').on(t.workdomainId, t.createdAt)],
);

export const funnelKinds = [
  'link_viewed',
  'code_sent',
  'sign_in_code_sent',
  'notice_sent',
  'verified',
  'account_created',
] as const;
export type FunnelKind = (typeof funnelKinds)[number];

/** Funnel counters for the admin panel: one row per workdomain, link, day and step, counted up. */
export const funnelDaily = pgTable(
  'funnel_daily',
  {
    workdomainId: uuid('workdomain_id')
      .notNull()
      .references(() => workdomains.id, { onDelete: 'cascade' }),
    linkId: text('link_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: funnelKinds }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'funnel_daily_pk', columns: [t.workdomainId, t.day, t.linkId, t.kind] })],
);
