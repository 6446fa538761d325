import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deactivateUser } from '../../server/admin/users.ts';
import { backends } from '../helpers/databases.ts';
import { type ApiResponse, createHarness, type Harness } from '../helpers/harness.ts';

/** Headers that legitimately differ per request. */
const VOLATILE_HEADERS = new Set(['date', 'x-request-id']);

function shape(response: ApiResponse) {
  const headers = [...response.headers.entries()].filter(([name]) => !VOLATILE_HEADERS.has(name)).sort();
  const body = JSON.stringify(response.body).replace(/[0-9a-f-]{36}/g, '<uuid>');
  return { status: response.status, body, headers };
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Timings taken in interleaved pairs (a[i] next to b[i], so a busy moment hits both). The gap is
 * the median of the per-pair differences; it must stay within 25 ms, or within four standard
 * errors of that median when the machine is noisier than that (the error is measured from the
 * spread of the same differences). An extra password hash or database round trip on one path
 * grows with the load too, so it still stands out.
 */
function timingGap(a: number[], b: number[]) {
  const differences = a.map((value, i) => value - b[i]!);
  const center = median(differences);
  const spread = 1.4826 * median(differences.map((d) => Math.abs(d - center)));
  const standardError = (1.2533 * spread) / Math.sqrt(differences.length);
  return { gap: Math.abs(center), margin: Math.max(25, 4 * standardError) };
}

function expectSameTime(a: number[], b: number[]) {
  const { gap, margin } = timingGap(a, b);
  expect(gap, `median gap ${gap.toFixed(1)} ms, allowed ${margin.toFixed(1)} ms`).toBeLessThan(margin);
}

describe.each(backends)('account enumeration through start on %s', (backend) => {
  let h: Harness;
  let linkId: string;
  let slug: string;
  const existing = 'holder@example.com';
  const inactive = 'gone@example.com';
  const otherWorkdomain = 'elsewhere@example.com';

  beforeAll(async () => {
    h = await createHarness({ backend, env: { RATE_LIMIT_LOGIN_FAILURES: '100000' } });
    const seeded = await h.seedWorkdomain();
    linkId = seeded.linkId;
    slug = seeded.workdomain.slug;
    expect((await h.register(linkId, 'Holder', existing)).verified.status).toBe(201);
    const gone = await h.register(linkId, 'Gone', inactive);
    await deactivateUser(
      h.db,
      seeded.workdomain.id,
      gone.verified.body.user.id,
      { kind: 'operator' },
      h.config.publicUrl,
    );
    const other = await h.seedWorkdomain();
    expect((await h.register(other.linkId, 'Elsewhere', otherWorkdomain)).verified.status).toBe(201);
  });
  afterAll(() => h?.close());

  const start = (email: string) =>
    h.request('POST', `/api/registrations/${linkId}/start`, { name: 'Probe', email });

  it('answers new, existing, inactive and other-workdomain addresses identically', async () => {
    const answers = await Promise.all(
      ['newcomer@example.com', existing, inactive, otherWorkdomain].map(async (email) =>
        shape(await start(email)),
      ),
    );
    expect(answers[0]!.status).toBe(202);
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
    // What differs is only the mail: a sign-in code for the active holder, a notice for the inactive one.
    await h.smtp.waitFor(existing, (mail) => mail.subject.startsWith('Your sign-in code for'));
    await h.smtp.waitFor(inactive, (mail) => /already have/.test(mail.subject));
    await h.smtp.waitFor('newcomer@example.com', (mail) => mail.subject.includes('verification code'));
  });

  it('answers a resend the same way for a registration code, a sign-in code and a notice', async () => {
    const answers = await Promise.all(
      ['second-newcomer@example.com', existing, inactive].map(async (email) => {
        const started = await start(email);
        const resent = await h.request('POST', `/api/registrations/${linkId}/resend`, {
          registrationId: started.body.registrationId,
        });
        return [shape(started), shape(resent)];
      }),
    );
    expect(answers[0]![1]!.status).toBe(202);
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
  });

  it('takes the same time for a new and an existing address (100 interleaved pairs; the gap within 25 ms or the measured noise)', {
    timeout: 120_000,
  }, async () => {
    const timings: Record<'fresh' | 'holder', number[]> = { fresh: [], holder: [] };
    for (let i = 0; i < 100; i++) {
      for (const kind of i % 2 ? (['fresh', 'holder'] as const) : (['holder', 'fresh'] as const)) {
        const email = kind === 'fresh' ? `fresh${i}@example.com` : existing;
        const began = performance.now();
        const response = await start(email);
        timings[kind].push(performance.now() - began);
        expect(response.status).toBe(202);
      }
    }
    expectSameTime(timings.fresh, timings.holder);
  });
  async function pairedTimings(request: (subject: 'holder' | 'nobody', i: number) => Promise<number>) {
    const timings: Record<'holder' | 'nobody', number[]> = { holder: [], nobody: [] };
    for (let i = 0; i < 100; i++) {
      for (const subject of i % 2 ? (['holder', 'nobody'] as const) : (['nobody', 'holder'] as const)) {
        const began = performance.now();
        const status = await request(subject, i);
        timings[subject].push(performance.now() - began);
        expect(status).toBeGreaterThan(0);
      }
    }
    return timings;
  }

  it('takes the same time to refuse a login for an account and for nobody (gap within 25 ms or the measured noise)', {
    timeout: 120_000,
  }, async () => {
    const timings = await pairedTimings(async (subject) => {
      const email = subject === 'holder' ? existing : 'nobody@example.com';
      const answer = await h.request('POST', '/api/auth/login', {
        workdomain: slug,
        email,
        password: 'wrong-password-1',
      });
      expect(answer.status).toBe(401);
      return answer.status;
    });
    expectSameTime(timings.holder, timings.nobody);
  });

  it('takes the same time to answer a reset request for an account and for nobody (gap within 25 ms or the measured noise)', {
    timeout: 120_000,
  }, async () => {
    const timings = await pairedTimings(async (subject) => {
      const email = subject === 'holder' ? existing : 'nobody@example.com';
      const answer = await h.request('POST', '/api/auth/password-reset', { workdomain: slug, email });
      expect(answer.status).toBe(202);
      return answer.status;
    });
    expectSameTime(timings.holder, timings.nobody);
  });
});
