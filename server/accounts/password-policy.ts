import { readFileSync } from 'node:fs';
import { AppError } from '../errors.ts';

// A list of passwords seen most often in breaches; shipped with the project, read once.
const COMMON_PASSWORDS = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter(Boolean),
);

/** 8–128 characters and not a common password; otherwise 422 weak_password. */
export function checkPasswordPolicy(password: string): void {
  const length = [...password].length;
  if (length < 8) throw new AppError('weak_password', { message: 'Use at least 8 characters.' });
  if (length > 128) throw new AppError('weak_password', { message: 'Use at most 128 characters.' });
  if (COMMON_PASSWORDS.has(password.toLowerCase())) {
    throw new AppError('weak_password', { message: 'This password is too common. Choose another.' });
  }
}
