import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { languages } from '../../../contract/languages.ts';
import { users } from './users.ts';
import { workdomains } from './workdomains.ts';

export const consentKinds = ['terms', 'marketing'] as const;
export type ConsentKind = (typeof consentKinds)[number];

/**
 * The consent ledger: every agreement and marketing choice, appended and never updated (a trigger
 * refuses UPDATE), so "what did this person agree to, and when" has one answer. Erasing the person
 * deletes their rows.
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workdomainId: uuid('workdomain_id')
      .notNull()
      .references(() => workdomains.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: consentKinds }).notNull(),
    granted: boolean('granted').notNull(),
    version: text('version'),
    lang: text('lang', { enum: languages }).notNull(),
    linkId: text('link_id'),
    origin: text('origin'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consents_user_id_at_idx').on(t.userId, t.at)],
);
