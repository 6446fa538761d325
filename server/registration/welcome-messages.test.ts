import { describe, expect, it } from 'vitest';
import { limits } from '../../contract/limits.ts';
import { AppError } from '../errors.ts';
import { mergeWelcomeMessages, sameWelcomeMessages } from './welcome-messages.ts';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? `${error.status} ${error.code}` : 'other';
  }
  return 'none';
};

describe('mergeWelcomeMessages', () => {
  it('sets, keeps and removes languages', () => {
    const current = { ja: '古い', 'zh-Hant': '歡迎' };
    expect(mergeWelcomeMessages(current, { ja: 'ようこそ', 'zh-Hans': '欢迎' })).toEqual({
      ja: 'ようこそ',
      'zh-Hant': '歡迎',
      'zh-Hans': '欢迎',
    });
    expect(mergeWelcomeMessages(current, { ja: '', 'zh-Hant': null })).toEqual({});
    expect(current).toEqual({ ja: '古い', 'zh-Hant': '歡迎' });
  });

  it('refuses an unknown language or a value that is not text with 422 invalid_request', () => {
    expect(codeOf(() => mergeWelcomeMessages({}, { fr: 'Bienvenue' }))).toBe('422 invalid_request');
    expect(codeOf(() => mergeWelcomeMessages({}, { 'ja-JP': 'ようこそ' }))).toBe('422 invalid_request');
    expect(codeOf(() => mergeWelcomeMessages({}, { ja: 5 }))).toBe('422 invalid_request');
    expect(codeOf(() => mergeWelcomeMessages({}, { ja: ['ようこそ'] }))).toBe('422 invalid_request');
    for (const notAMap of [null, 'ようこそ', ['ja'], 7])
      expect(codeOf(() => mergeWelcomeMessages({}, notAMap))).toBe('422 invalid_request');
  });

  it('holds each language to the welcome message limit', () => {
    const longest = 'あ'.repeat(limits.welcomeMessageMaxLength);
    expect(mergeWelcomeMessages({}, { ja: longest })).toEqual({ ja: longest });
    expect(codeOf(() => mergeWelcomeMessages({}, { ja: `${longest}あ` }))).toBe(
      '422 invalid_welcome_message',
    );
  });
});

describe('sameWelcomeMessages', () => {
  it('compares language by language, whatever the key order', () => {
    expect(sameWelcomeMessages({ ja: 'a', en: 'b' }, { en: 'b', ja: 'a' })).toBe(true);
    expect(sameWelcomeMessages({ ja: 'a' }, {})).toBe(false);
  });
});
