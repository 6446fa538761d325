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

  it('takes the same time for a new and an existing address (medians within 25 ms over 100 each)', async () => {
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
    const difference = Math.abs(median(timings.fresh) - median(timings.holder));
    expect(difference).toBeLessThan(25);
  });
  async function medianGap(request: (subject: 'holder' | 'nobody', i: number) => Promise<number>) {
    const timings: Record<'holder' | 'nobody', number[]> = { holder: [], nobody: [] };
    for (let i = 0; i < 100; i++) {
      for (const subject of i % 2 ? (['holder', 'nobody'] as const) : (['nobody', 'holder'] as const)) {
        const began = performance.now();
        const status = await request(subject, i);
        timings[subject].push(performance.now() - began);
        expect(status).toBeGreaterThan(0);
      }
    }
    return Math.abs(median(timings.holder) - median(timings.nobody));
  }

  it('takes the same time to refuse a login for an account and for nobody (medians within 25 ms)', {
    timeout: 120_000,
  }, async () => {
    const gap = await medianGap(async (subject) => {
      const email = subject === 'holder' ? existing : 'nobody@example.com';
      const answer = await h.request('POST', '/api/auth/login', {
        workdomain: slug,
        email,
        password: 'wrong-password-1',
      });
      expect(answer.status).toBe(401);
      return answer.status;
    });
    expect(gap).toBeLessThan(25);
  });

  it('takes the same time to answer a reset request for an account and for nobody (medians within 25 ms)', {
    timeout: 120_000,
  }, async () => {
    const gap = await medianGap(async (subject) => {
      const email = subject === 'holder' ? existing : 'nobody@example.com';
      const answer = await h.request('POST', '/api/auth/password-reset', { workdomain: slug, email });
      expect(answer.status).toBe(202);
      return answer.status;
    });
    expect(gap).toBeLessThan(25);
  });
});
