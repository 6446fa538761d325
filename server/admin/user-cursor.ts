import { AppError } from '../errors.ts';

/** Where a page of the users list ends: the last user's creation time (µs since epoch) and id. */
export interface UserCursor {
  createdAtMicros: string;
  id: string;
}

const CURSOR = /^(\d{1,20})\.([0-9a-f-]{36})$/;

export const encodeUserCursor = (cursor: UserCursor) =>
  Buffer.from(`${cursor.createdAtMicros}.${cursor.id}`).toString('base64url');

/** 400 invalid_request for anything this service did not hand out as `next`. */
export function decodeUserCursor(text: string): UserCursor {
  const match = CURSOR.exec(Buffer.from(text, 'base64url').toString());
  if (!match)
    throw new AppError('invalid_request', { message: 'cursor is not a value this list gave as next.' });
  return { createdAtMicros: match[1]!, id: match[2]! };
}

/** A LIKE pattern that matches `text` anywhere, with LIKE's own wildcards taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
