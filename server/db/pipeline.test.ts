import { describe, expect, it } from 'vitest';
import { pipeline } from './pipeline.ts';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
const later = <T>(ms: number, settle: () => T) =>
  new Promise<T>((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(settle());
      } catch (error) {
        reject(error);
      }
    }, ms),
  );

describe('pipeline', () => {
  it('answers every result in order', async () => {
    expect(await pipeline([later(5, () => 1), Promise.resolve('two'), later(1, () => true)])).toEqual([
      1,
      'two',
      true,
    ]);
  });

  it('throws the cause even when a statement refused by the aborted transaction answers first', async () => {
    const aborted = pgError('25P02', 'current transaction is aborted');
    const cause = pgError('23505', 'duplicate key value');
    const refusedFirst = Promise.reject(aborted);
    await expect(
      pipeline([later(10, () => 'ok'), later(20, () => Promise.reject(cause)), refusedFirst]),
    ).rejects.toBe(cause);
  });

  it('waits for every statement before it throws', async () => {
    let finished = false;
    const failure = pipeline([
      Promise.reject(pgError('22012', 'division by zero')),
      later(20, () => {
        finished = true;
      }),
    ]);
    await expect(failure).rejects.toMatchObject({ code: '22012' });
    expect(finished).toBe(true);
  });
});
