import { describe, expect, it } from 'vitest';
import { shareOf, withShares } from './funnel.ts';

const counts = {
  linkViews: 0,
  codesSent: 0,
  signInCodesSent: 0,
  noticesSent: 0,
  verified: 0,
  accountsCreated: 0,
};

describe('funnel shares', () => {
  it('is null with nothing sent, and never above 1', () => {
    expect(shareOf(0, 0)).toBeNull();
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(5, 4)).toBe(1);
  });

  it('tells sign-ins from new accounts: every verified code is one or the other', () => {
    const window = withShares({
      ...counts,
      codesSent: 14,
      signInCodesSent: 4,
      verified: 15,
      accountsCreated: 12,
    });
    expect(window).toMatchObject({ signIns: 3, newAccountRate: 12 / 14, signInRate: 0.75 });
  });
});
