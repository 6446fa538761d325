import { sql } from 'drizzle-orm';
import {
  type UserKind,
  type UserRole,
  type UserStatus,
  userKinds,
  userRoles,
  userStatuses,
} from '../../../contract/enums.ts';

export { type UserKind, type UserRole, type UserStatus, userKinds, userRoles, userStatuses };

import {
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { languages } from '../../../contract/languages.ts';
import type { FieldAnswers } from '../../../contract/registration-fields.ts';
import { workdomains } from './workdomains.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workdomainId: uuid('workdomain_id')
      .notNull()
      .references(() => workdomains.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    /** The login ID: lower-cased, normalised; unique per workdomain. */
    emailCanonical: text('email_canonical').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: userKinds }).notNull(),
    role: text('role', { enum: userRoles }).notNull().default('member'),
    status: text('status', { enum: userStatuses }).notNull().default('active'),
    passwordHash: text('password_hash'),
    /** Set while the password is still the emailed code; it stops working after this instant. */
    initialPasswordExpiresAt: timestamp('initial_password_expires_at', { withTimezone: true }),
    registeredViaLink: boolean('registered_via_link').notNull().default(false),
    /** The language of this person's mail and pages (README, Languages). */
    lang: text('lang', { enum: languages }).notNull().default('en'),
    /** The registration link the user came through (registration_links.link_id), if any. */
    registeredViaLinkId: text('registered_via_link_id'),
    /** Answers to the registration form's questions; the ledger (consents) keeps every choice. */
    fields: jsonb('fields').$type<FieldAnswers>().notNull().default({}),
    /** The latest marketing choice and policy version agreed to, as the ledger's last entries say. */
    marketing: boolean('marketing').notNull().default(false),
    consentVersion: text('consent_version'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_workdomain_id_email_canonical_idx').on(t.workdomainId, t.emailCanonical),
    index('users_workdomain_id_kind_status_idx').on(t.workdomainId, t.kind, t.status),
    // The admin list, newest first, keyset-paged.
    index('users_workdomain_id_created_at_id_idx').on(t.workdomainId, t.createdAt.desc(), t.id.desc()),
    check('users_kind_check', sql`${t.kind} in ('internal', 'external')`),
    check('users_role_check', sql`${t.role} in ('member', 'admin')`),
    check('users_status_check', sql`${t.status} in ('active', 'inactive')`),
  ],
);
