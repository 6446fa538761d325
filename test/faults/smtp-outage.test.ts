import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '../../server/db/schema/index.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

async function waitForFailedAttempt(h: Harness, to: string, attempts = 1) {
  for (let i = 0; i < 200; i++) {
    const [row] = await h.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to));
    if (row && row.attempts >= attempts && row.lastError) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no failed delivery attempt to ${to}`);
}

describe.each(backends)('SMTP outage on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  it('keeps mail queued while SMTP refuses it and delivers the working code when it is back', {
    timeout: 60_000,
  }, async () => {
    const { linkId } = await h.seedWorkdomain();
    h.smtp.refusing = true;
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'Ola',
      email: 'ola@example.com',
    });
    expect(started.status).toBe(202);
    await waitForFailedAttempt(h, 'ola@example.com', 2);
    const [queued] = await h.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, 'ola@example.com'));
    expect(queued).toMatchObject({ status: 'pending' });
    expect(queued!.attempts).toBeGreaterThanOrEqual(2);
    expect(queued!.lastError).toMatch(/451|try later/i);
    expect(h.smtp.all('ola@example.com')).toHaveLength(0);

    h.smtp.refusing = false;
    const mail = await h.smtp.waitFor('ola@example.com', () => true, 20_000);
    const verified = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId: started.body.registrationId,
      code: codeIn(mail),
    });
    expect(verified.status).toBe(201);
    const [sent] = await h.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'ola@example.com'));
    // Once sent, the code is erased from the outbox.
    expect(sent).toMatchObject({ status: 'sent', props: {} });
    expect(h.smtp.all('ola@example.com')).toHaveLength(1);
  });

  it('a resend cancels the unsent mail with the old code: only the working code goes out', {
    timeout: 60_000,
  }, async () => {
    const { linkId } = await h.seedWorkdomain();
    h.smtp.refusing = true;
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'Pia',
      email: 'pia@example.com',
    });
    // Let the first delivery attempt fail first: a mail already on the wire cannot be called back.
    await waitForFailedAttempt(h, 'pia@example.com');
    const resent = await h.request('POST', `/api/registrations/${linkId}/resend`, {
      registrationId: started.body.registrationId,
    });
    expect(resent.status).toBe(202);
    const rows = await h.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'pia@example.com'));
    expect(rows.map((row) => row.status).sort()).toEqual(['cancelled', 'pending']);
    h.smtp.refusing = false;
    const mail = await h.smtp.waitFor('pia@example.com', () => true, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.smtp.all('pia@example.com')).toHaveLength(1);
    const verified = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId: started.body.registrationId,
      code: codeIn(mail),
    });
    expect(verified.status).toBe(201);
  });
});
