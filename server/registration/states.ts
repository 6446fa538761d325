import type { RegistrationState } from '../db/schema/index.ts';

/**
 * The legal moves of a registration. Every move is a guarded update
 * (`WHERE id = ? AND state IN <from>`); zero rows updated means someone else moved it first.
 * Diagram: docs/registration-states.md.
 */
export const registrationTransitions = {
  resend: ['code_sent', 'notice_sent', 'signin_code_sent'],
  /** The right code was presented: from here on, wrong guesses can no longer kill it. */
  accept: ['code_sent', 'verified'],
  complete: ['verified'],
  /** A returning member's right sign-in code: used up in the same statement that accepts it. */
  signIn: ['signin_code_sent'],
  kill: ['code_sent', 'notice_sent', 'signin_code_sent'],
} as const satisfies Record<string, readonly RegistrationState[]>;

export type RegistrationMove = keyof typeof registrationTransitions;

/** States whose registration holds a working code (a notice-only one holds none). */
export const statesWithCode: readonly RegistrationState[] = ['code_sent', 'signin_code_sent'];
