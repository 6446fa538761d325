import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../../server/accounts/password-hasher.ts';
import { AppError } from '../../server/errors.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

describe('password-hash back-pressure', () => {
  it('runs at most `concurrency` hashes, queues up to the bound, and refuses the rest with overloaded', async () => {
    const hasher = createPasswordHasher(2, 1);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => hasher.hash(`password-${i}`)),
    );
    const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(fulfilled).toHaveLength(3);
    expect(refused).toHaveLength(3);
    for (const outcome of refused) {
      expect(outcome.reason).toBeInstanceOf(AppError);
      expect(outcome.reason).toMatchObject({ code: 'overloaded', status: 503, retryAfter: 1 });
    }
    // Once the burst is over, the pool serves again.
    await expect(hasher.hash('after-the-burst')).resolves.toMatch(/^\$argon2id\$/);
  });

  describe('through verify', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness({ backend: 'pglite', env: { MAX_QUEUED_HASHES: '1' } });
    });
    afterAll(() => h?.close());

    it('answers 503 overloaded with Retry-After when too many verifies wait for a hash, and the registrant can retry', async () => {
      const { linkId } = await h.seedWorkdomain({ limit: 100 });
      const people = Array.from({ length: 12 }, (_, i) => `burst${i}@example.com`);
      const pending = await Promise.all(
        people.map(async (email) => {
          const started = await h.request('POST', `/api/registrations/${linkId}/start`, {
            name: 'Burst',
            email,
          });
          return { registrationId: started.body.registrationId as string, email };
        }),
      );
      const withCodes = await Promise.all(
        pending.map(async (p) => ({ ...p, code: await h.codeFor(p.email) })),
      );
      const answers = await Promise.all(
        withCodes.map((p) =>
          h.request('POST', `/api/registrations/${linkId}/verify`, {
            registrationId: p.registrationId,
            code: p.code,
          }),
        ),
      );
      const overloaded = answers.filter((a) => a.status === 503);
      expect(overloaded.length).toBeGreaterThan(0);
      expect(answers.filter((a) => a.status === 201).length).toBeGreaterThan(0);
      for (const answer of overloaded) {
        expect(answer.body.error.code).toBe('overloaded');
        expect(answer.headers.get('retry-after')).toBe('1');
      }
      const retried = withCodes.filter((_, i) => answers[i]!.status === 503);
      for (const p of retried) {
        const again = await h.request('POST', `/api/registrations/${linkId}/verify`, {
          registrationId: p.registrationId,
          code: p.code,
        });
        expect(again.status).toBe(201);
      }
    }, 120_000);
  });
});
