import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '../../server/db/schema/index.ts';
import { updateRegistrationSettings } from '../../server/registration/settings.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import type { ReceivedMail } from '../helpers/smtp-sink.ts';

const DIGEST_SUBJECT = /^New registrants at .*: (\d+)$/;

describe('the PIC digest with two instances on one PostgreSQL', () => {
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    a = await createHarness({ backend: 'postgres' });
    // A second instance on the same database and SMTP server, with its own mail worker.
    b = await createHarness({
      backend: 'postgres',
      env: { DATABASE_URL: a.config.databaseUrl!, SMTP_URL: a.smtp.url },
    });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('lists every registrant exactly once, in at most one summary per interval, whichever instance sends it', {
    timeout: 120_000,
  }, async () => {
    const { linkId, pic, workdomain } = await a.seedWorkdomain({ limit: 100 });
    await updateRegistrationSettings(
      a.db,
      workdomain.id,
      { picNotice: 'digest' },
      { kind: 'operator' },
      a.baseUrl,
    );
    const people = Array.from({ length: 12 }, (_, i) => ({
      name: `Digest Person ${i}`,
      email: `digest.${i}.${Date.now().toString(36)}@example.com`,
    }));
    // Both instances register at once: the summaries are written from both sides concurrently.
    const statuses = await Promise.all(
      people.map(async (person, i) => {
        const [first, second] = i % 2 ? [a, b] : [b, a];
        const started = await first.request('POST', `/api/registrations/${linkId}/start`, person);
        const code = await a.codeFor(person.email);
        const verified = await second.request('POST', `/api/registrations/${linkId}/verify`, {
          registrationId: started.body.registrationId,
          code,
        });
        return verified.status;
      }),
    );
    expect(statuses).toEqual(people.map(() => 201));

    const digests = () => a.smtp.all(pic.email);
    const listed = (mails: ReceivedMail[]) =>
      mails.flatMap((mail) => people.filter((p) => mail.text.includes(p.email)).map((p) => p.name));
    await expect.poll(() => digests().length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);

    // What is not in the first summary waits in one pending summary, due 15 minutes after it.
    const pending = await a.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, pic.email), eq(emailOutbox.status, 'pending')));
    expect(pending.length).toBeLessThanOrEqual(1);
    if (pending.length === 1) {
      const [sent] = await a.db
        .select({ sentAt: emailOutbox.sentAt })
        .from(emailOutbox)
        .where(and(eq(emailOutbox.toAddress, pic.email), eq(emailOutbox.status, 'sent')));
      expect(pending[0]!.nextAttemptAt.getTime() - sent!.sentAt!.getTime()).toBeGreaterThanOrEqual(
        15 * 60_000 - 1000,
      );
      expect(digests()).toHaveLength(1);
      await a.db
        .update(emailOutbox)
        .set({ nextAttemptAt: sql`now()` })
        .where(eq(emailOutbox.id, pending[0]!.id));
      a.services.worker.poke();
      b.services.worker.poke();
      await expect.poll(() => digests().length, { timeout: 20_000 }).toBe(2);
    }
    // Every registrant in exactly one summary; the counts in the subjects add up.
    expect(listed(digests()).sort()).toEqual(people.map((p) => p.name).sort());
    const counted = digests().map((mail) => Number(DIGEST_SUBJECT.exec(mail.subject)![1]));
    expect(counted.reduce((x, y) => x + y, 0)).toBe(people.length);
    // And nothing more comes: no summary was sent twice by the two workers.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(digests().length).toBeLessThanOrEqual(2);
  });
});
