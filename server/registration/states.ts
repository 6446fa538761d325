import type { RegistrationState } from '../db/schema/index.ts';

/**
 * The legal moves of a registration. Every move is a guarded update
 * (`WHERE id = ? AND state = <from>`); zero rows updated means someone else moved it first.
 * Diagram: docs/registration-states.md.
 */
export const registrationTransitions = {
  resend: ['code_sent', 'notice_sent'],
  complete: ['code_sent'],
  kill: ['code_sent', 'notice_sent'],
} as const satisfies Record<string, readonly RegistrationState[]>;

export type RegistrationMove = keyof typeof registrationTransitions;
