import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './text-guard.ts';

const nested = (levels: number) => JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`);

describe('nestsDeeperThan', () => {
  it('counts the outer value as the first level', () => {
    expect(nestsDeeperThan(nested(32), 32)).toBe(false);
    expect(nestsDeeperThan(nested(33), 32)).toBe(true);
    expect(nestsDeeperThan({ a: { b: [1, 'x', null] } }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: { b: [1, { c: 1 }] } }, 3)).toBe(true);
  });

  it('walks any depth without overflowing the stack', () => {
    expect(nestsDeeperThan(nested(200_000), 32)).toBe(true);
  });

  it('leaves scalars alone', () => {
    for (const value of ['text', 1, null, undefined, true]) expect(nestsDeeperThan(value, 1)).toBe(false);
  });
});
