import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const codePurposes = ['registration', 'sign_in'] as const;
export type CodePurpose = (typeof codePurposes)[number];

/**
 * Every mailed code, one row per registration or sign-in attempt (its subject). A resend replaces
 * the hash and the expiry in the same row, so the count of tries goes on.
 */
export const verificationCodes = pgTable(
  'verification_codes',
  {
    /** The registration's or the sign-in attempt's id. */
    subjectId: uuid('subject_id').primaryKey(),
    purpose: text('purpose', { enum: codePurposes }).notNull(),
    /** HMAC-SHA256 of the code under the server's code key; null when a notice went out instead. */
    codeHash: text('code_hash'),
    /** The hash of the code a resend replaced, to tell its holder that a newer code exists. */
    previousCodeHash: text('previous_code_hash'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** The right code was presented: wrong guesses after it no longer kill the proof. */
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** The code was used up: it proves nothing more. */
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [index('verification_codes_expires_at_idx').on(t.expiresAt)],
);
