import { sql } from 'drizzle-orm';
import { type Plan, plans, registrationPlans } from '../../../contract/enums.ts';

export { type Plan, plans, registrationPlans };

import { check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const workdomains = pgTable(
  'workdomains',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    slug: text('slug').notNull().unique('workdomains_slug_idx'),
    plan: text('plan', { enum: plans }).notNull(),
    externalUserLimit: integer('external_user_limit').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('workdomains_plan_check', sql`${t.plan} in ('free', 'standard', 'pro', 'enterprise')`),
    check('workdomains_external_user_limit_check', sql`${t.externalUserLimit} >= 0`),
  ],
);
