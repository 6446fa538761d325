import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrations } from '../../server/db/schema/index.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

describe.each(backends)('send caps and resend cooldown on %s (the contract defaults)', (backend) => {
  let h: Harness;
  let linkId: string;
  beforeAll(async () => {
    h = await createHarness({
      backend,
      env: {
        RATE_LIMIT_STARTS_PER_IP: '30',
        RATE_LIMIT_SENDS_PER_EMAIL: '3',
        RATE_LIMIT_SENDS_PER_EMAIL_DAILY: '10',
        RESEND_COOLDOWN_SECONDS: '60',
      },
    });
    linkId = (await h.seedWorkdomain()).linkId;
  });
  afterAll(() => h?.close());

  const start = (email: string) =>
    h.request('POST', `/api/registrations/${linkId}/start`, { name: 'Cap', email });

  it('sends at most 3 codes to one address in 15 minutes, then 429 rate_limited with Retry-After', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await start('capped@example.com'));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 429]);
    const refused = answers[3]!;
    expect(refused.body.error.code).toBe('rate_limited');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    // The same cap holds whatever the case or look-alike spelling of the address.
    expect((await start('CAPPED@example.com')).status).toBe(429);
  });

  it('answers a resend inside the cooldown with 429 and the wait, and counts resends against the cap', async () => {
    const started = await start('cool@example.com');
    const resend = () =>
      h.request('POST', `/api/registrations/${linkId}/resend`, {
        registrationId: started.body.registrationId,
      });
    const early = await resend();
    expect(early.status).toBe(429);
    expect(Number(early.headers.get('retry-after'))).toBeGreaterThan(50);
    // Pretend the cooldown has passed: resends then count as sends, 3 in 15 minutes.
    for (const expected of [202, 202, 429]) {
      await h.db
        .update(registrations)
        .set({ lastSentAt: new Date(Date.now() - 61_000) })
        .where(eq(registrations.id, started.body.registrationId));
      expect((await resend()).status).toBe(expected);
    }
  });

  it('allows 30 starts per client IP in 10 minutes, then 429', async () => {
    const { linkId: other } = await h.seedWorkdomain();
    const statuses = [];
    for (let i = 0; i < 31; i++) {
      const answer = await h.request('POST', `/api/registrations/${other}/start`, {
        name: 'Ip',
        email: `ip${i}@example.com`,
      });
      statuses.push(answer.status);
    }
    // Earlier tests in this file used some of this IP's allowance: a run of 202s, then only 429s.
    const firstRefusal = statuses.indexOf(429);
    expect(firstRefusal).toBeGreaterThan(0);
    expect(statuses.slice(0, firstRefusal).every((status) => status === 202)).toBe(true);
    expect(statuses.slice(firstRefusal).every((status) => status === 429)).toBe(true);
  });
});
