import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workdomains } from './workdomains.ts';

/**
 * Entrances to a workdomain's registration, one per site or campaign. The default link (the one
 * in registration_settings.link_id) is a row here too; deleted or replaced links keep their row,
 * so users who came through them still show where they came from.
 */
export const registrationLinks = pgTable(
  'registration_links',
  {
    linkId: text('link_id').primaryKey(),
    workdomainId: uuid('workdomain_id')
      .notNull()
      .references(() => workdomains.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('registration_links_workdomain_id_created_at_idx').on(t.workdomainId, t.createdAt)],
);
