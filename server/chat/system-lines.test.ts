import { describe, expect, it } from 'vitest';
import { bodyFor, systemLine, systemLineText } from './system-lines.ts';

describe('system lines', () => {
  const joined = {
    type: 'joined',
    user: { id: 'u1', name: 'Mei {pic} Lin' },
    workdomain: { name: 'Acme' },
    via: 'site',
  } as const;

  it('are written in the reader’s language, names kept as they are', () => {
    expect(systemLineText(joined, 'en')).toBe('Mei {pic} Lin joined Acme through its website.');
    expect(systemLineText({ ...joined, via: 'page' }, 'zh-Hant')).toBe(
      'Mei {pic} Lin 透過註冊頁面加入了 Acme。',
    );
    expect(systemLineText({ type: 'pic_assigned', pic: { id: 'p', name: 'Kim' } }, 'ja')).toBe(
      'この会話は今後 Kim が担当します。',
    );
  });

  it('are stored with their English words; rows without an event, or with an unknown one, read as stored', () => {
    expect(systemLine(joined)).toEqual({
      kind: 'system',
      senderId: null,
      event: joined,
      body: 'Mei {pic} Lin joined Acme through its website.',
    });
    expect(bodyFor({ body: 'An old line.', event: null }, 'ja')).toBe('An old line.');
    expect(bodyFor({ body: 'From a later version.', event: { type: 'later' } as never }, 'ja')).toBe(
      'From a later version.',
    );
  });
});
