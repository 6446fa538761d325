import type { FirstMessageMode } from '../../contract/enums.ts';
import { limits } from '../../contract/limits.ts';
import { AppError } from '../errors.ts';

const invalidFirstMessage = (mode: FirstMessageMode) =>
  new AppError('invalid_message', {
    message:
      mode === 'required'
        ? `Please write a message (up to ${limits.firstMessageMaxLength} characters).`
        : `A message has at most ${limits.firstMessageMaxLength} characters.`,
  });

/**
 * The registrant's first message to the PIC, as the link asks for it: ignored when the link does
 * not ask, null when optional and left blank. NUL cannot be stored in PostgreSQL text.
 */
export function parseFirstMessage(mode: FirstMessageMode, input: string | undefined): string | null {
  if (mode === 'off') return null;
  const text = (input ?? '').trim();
  if ([...text].length > limits.firstMessageMaxLength || text.includes('\u0000'))
    throw invalidFirstMessage(mode);
  if (!text && mode === 'required') throw invalidFirstMessage(mode);
  return text || null;
}
