import { limits } from '../../contract/limits.ts';
import { AppError } from '../errors.ts';

/*
 * What a person hears when an emailed code is refused, the same for every code the service mails.
 * The try counts come from the statement that counted them, so parallel guesses all count.
 */

export const malformedCode = () =>
  new AppError('invalid_code', { message: `The code has ${limits.codeLength} digits.` });

export const codeExpired = () => new AppError('code_expired');

export const codeAlreadyUsed = () => new AppError('invalid_code', { message: 'This code was already used.' });

/**
 * A wrong code, after it was counted: `attempts` is the count including this try. Over the limit
 * the proof is dead and even the right code is refused; `superseded` means a resend replaced it.
 */
export function wrongCode(attempts: number, superseded = false): AppError {
  if (attempts > limits.maxCodeAttempts) return new AppError('too_many_attempts');
  const triesLeft = Math.max(0, limits.maxCodeAttempts - attempts);
  if (superseded) return new AppError('code_superseded', { details: { triesLeft } });
  return new AppError('invalid_code', {
    message:
      triesLeft > 0
        ? `That code is not right. ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left.`
        : 'That code is not right, and no tries are left. Please start again.',
    details: { triesLeft },
  });
}

/** Why a right code was not accepted by its guarded update: used, out of tries, or expired. */
export function refusedRightCode(now: { used: boolean; attempts: number } | undefined): AppError {
  if (now?.used) return codeAlreadyUsed();
  if (now && now.attempts >= limits.maxCodeAttempts) return new AppError('too_many_attempts');
  return codeExpired();
}
