import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../server/db/schema/index.ts';
import { login, registerSomeone } from '../helpers/accounts.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

/** The headers a client can see, without the ones that differ on every request anyway. */
const visibleHeaders = (headers: Headers) =>
  [...headers.entries()].filter(([name]) => name !== 'x-request-id' && name !== 'date').sort();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe.each(backends)('password sign-in on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  it('answers alike for unknown workdomain, unknown email, inactive user and wrong password', async () => {
    const { workdomain, email, code, user } = await registerSomeone(h);
    const inactive = await registerSomeone(h);
    await h.db.update(users).set({ status: 'inactive' }).where(eq(users.id, inactive.user.id));

    const answers = [
      await login(h, 'no-such-workdomain', email, code),
      await login(h, workdomain.slug, 'nobody@example.com', code),
      await login(h, workdomain.slug, 'not an email', code),
      await login(h, workdomain.slug, email, code === '000000' ? '111111' : '000000'),
      await login(h, inactive.workdomain.slug, inactive.email, inactive.code),
      await login(h, inactive.workdomain.slug, email, code), // right password, other workdomain
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(answers[0]!.body);
      expect(answer.body.error.code).toBe('invalid_credentials');
      expect(visibleHeaders(answer.headers)).toEqual(visibleHeaders(answers[0]!.headers));
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
    const right = await login(h, workdomain.slug, email, code);
    expect(right.status).toBe(200);
    expect(right.body.user.id).toBe(user.id);
  });

  it('costs one password hash on every refusal, account or not', async () => {
    const { workdomain, email, code } = await registerSomeone(h);
    const wrong = code === '000000' ? '111111' : '000000';
    const hasher = h.deps.hasher;
    let checks = 0;
    h.deps.hasher = {
      hash: hasher.hash,
      verify: (stored, password) => {
        checks++;
        return hasher.verify(stored, password);
      },
      verifyNothing: (password) => {
        checks++;
        return hasher.verifyNothing(password);
      },
    };
    const known: number[] = [];
    const unknown: number[] = [];
    try {
      const refusals: [string, string][] = [
        [workdomain.slug, email],
        [workdomain.slug, 'ghost-a@example.com'],
        ['no-such-workdomain', email],
        [workdomain.slug, 'not an email'],
      ];
      for (const [slug, address] of refusals) {
        const before = checks;
        expect((await login(h, slug, address, wrong)).status).toBe(401);
        expect({ slug, address, checks: checks - before }).toEqual({ slug, address, checks: 1 });
      }
      for (let i = 0; i < 7; i++) {
        let started = performance.now();
        await login(h, workdomain.slug, email, wrong);
        known.push(performance.now() - started);
        started = performance.now();
        await login(h, workdomain.slug, `ghost${i}@example.com`, wrong);
        unknown.push(performance.now() - started);
      }
    } finally {
      h.deps.hasher = hasher;
    }
    // A skipped hash makes the unknown case about ten times faster; loose, for busy machines.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.25);
  });

  it('allows 10 failures per account in 15 minutes, then 429 even for the right password', async () => {
    const { workdomain, email, code } = await registerSomeone(h);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 10; i++) {
      expect((await login(h, workdomain.slug, email, wrong)).status).toBe(401);
    }
    const locked = await login(h, workdomain.slug, email.toUpperCase(), code);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('rate_limited');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(900);

    // The same count applies to an address without an account, so the 429 reveals nothing either.
    for (let i = 0; i < 10; i++) {
      expect((await login(h, workdomain.slug, 'ghost@example.com', wrong)).status).toBe(401);
    }
    const ghost = await login(h, workdomain.slug, 'ghost@example.com', wrong);
    expect(ghost.status).toBe(429);
    // Retry-After (header and details) counts down from each address's own window; the rest is equal.
    const withoutWait = (body: any) => ({ ...body.error, details: Object.keys(body.error.details) });
    expect(withoutWait(ghost.body)).toEqual(withoutWait(locked.body));
    expect(visibleHeaders(ghost.headers).map(([name]) => name)).toEqual(
      visibleHeaders(locked.headers).map(([name]) => name),
    );
  });

  it('counts parallel guesses: of 16 at once at most 10 are checked', async () => {
    const { workdomain, email, code } = await registerSomeone(h);
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = await Promise.all(
      Array.from({ length: 16 }, () => login(h, workdomain.slug, email, wrong)),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(6);
    expect((await login(h, workdomain.slug, email, code)).status).toBe(429);
  });

  it('does not count successful sign-ins', async () => {
    const { workdomain, email, code } = await registerSomeone(h);
    for (let i = 0; i < 12; i++) {
      expect((await login(h, workdomain.slug, email, code)).status).toBe(200);
    }
  });
});
