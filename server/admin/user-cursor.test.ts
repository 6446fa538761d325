import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { containsPattern, decodeUserCursor, encodeUserCursor } from './user-cursor.ts';

describe('users list cursor', () => {
  it('round-trips the position of the last user of a page', () => {
    const cursor = { createdAtMicros: '1765000000123456', id: '0b7c3f9e-1d2a-4c5b-8e6f-7a8b9c0d1e2f' };
    expect(decodeUserCursor(encodeUserCursor(cursor))).toEqual(cursor);
  });

  it('refuses what it did not hand out', () => {
    for (const text of ['', 'abc', encodeUserCursor({ createdAtMicros: 'x', id: 'y' }), '%%%']) {
      expect(() => decodeUserCursor(text), text).toThrow(AppError);
    }
  });

  it('takes LIKE wildcards in a search literally', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
