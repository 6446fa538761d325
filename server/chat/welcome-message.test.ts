import { describe, expect, it } from 'vitest';
import { welcomeMessageFor } from './welcome-message.ts';

describe('welcomeMessageFor', () => {
  const perLanguage = { ja: 'ようこそ', 'zh-Hant': '歡迎' };

  it("gives the registrant's language when the admin wrote one", () => {
    expect(welcomeMessageFor('ja', perLanguage, 'Welcome')).toBe('ようこそ');
    expect(welcomeMessageFor('zh-Hant', perLanguage, 'Welcome')).toBe('歡迎');
  });

  it('falls back to the default for a language without one', () => {
    expect(welcomeMessageFor('zh-Hans', perLanguage, 'Welcome')).toBe('Welcome');
    expect(welcomeMessageFor('en', {}, 'Welcome')).toBe('Welcome');
  });

  it('treats a blank entry as none', () => {
    expect(welcomeMessageFor('ja', { ja: '  ' }, 'Welcome')).toBe('Welcome');
  });

  it('keeps an empty default empty (no welcome at all)', () => {
    expect(welcomeMessageFor('ja', {}, '')).toBe('');
  });
});
