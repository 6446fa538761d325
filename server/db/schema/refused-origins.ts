import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workdomains } from './workdomains.ts';

/**
 * Web sites whose calls to the registration API were refused (origin_not_allowed), so an admin can
 * see which page tried to show the form. Only the last few per workdomain are kept.
 */
export const refusedOrigins = pgTable(
  'refused_origins',
  {
    workdomainId: uuid('workdomain_id')
      .notNull()
      .references(() => workdomains.id, { onDelete: 'cascade' }),
    origin: text('origin').notNull(),
    lastRefusedAt: timestamp('last_refused_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workdomainId, t.origin] })],
);
