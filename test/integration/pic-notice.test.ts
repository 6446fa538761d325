import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/accounts/sessions.ts';
import { emailOutbox } from '../../server/db/schema/index.ts';
import { updateRegistrationSettings } from '../../server/registration/settings.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const DIGEST_SUBJECT = /^New registrants at /;

/** Every mail queued for `to`, oldest first, with the props a digest is built from. */
const outboxFor = (h: Harness, to: string) =>
  h.db
    .select({
      template: emailOutbox.template,
      status: emailOutbox.status,
      props: emailOutbox.props,
      nextAttemptAt: emailOutbox.nextAttemptAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, to))
    .orderBy(emailOutbox.createdAt);

describe.each(backends)('how the person in charge hears of new registrants, on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  let n = 0;
  const email = (who: string) => `${who}.${++n}.${Date.now().toString(36)}@example.com`;

  async function workdomainNoticing(picNotice: 'each' | 'digest' | 'off') {
    const seeded = await h.seedWorkdomain();
    await updateRegistrationSettings(
      h.db,
      seeded.workdomain.id,
      { picNotice },
      { kind: 'operator' },
      h.baseUrl,
    );
    return seeded;
  }

  it('each (the default): one mail per new registrant', async () => {
    const { linkId, pic, admin } = await h.seedWorkdomain();
    const { sessionToken } = await createSession(h.db, admin.id);
    const shown = await h.request('GET', '/api/admin/registration', undefined, {
      authorization: `Bearer ${sessionToken}`,
    });
    expect(shown.body.picNotice).toBe('each');
    await h.register(linkId, 'Ann Each', email('ann'));
    await h.register(linkId, 'Bo Each', email('bo'));
    await h.smtp.waitFor(pic.email, (mail) => mail.subject.startsWith('Bo Each joined'));
    expect(
      h.smtp
        .all(pic.email)
        .map((mail) => mail.subject.split(' joined')[0])
        .sort(),
    ).toEqual(['Ann Each', 'Bo Each']);
  });

  it('off: no mail to the person in charge at all', async () => {
    const { linkId, pic } = await workdomainNoticing('off');
    const registered = await h.register(linkId, 'Cy Off', email('cy'));
    expect(registered.verified.status).toBe(201);
    expect(await outboxFor(h, pic.email)).toEqual([]);
  });

  it('digest: the first registrant at once, the next ones gathered into one summary 15 minutes after it', async () => {
    const { linkId, pic, workdomain } = await workdomainNoticing('digest');
    await h.register(linkId, 'Dee First', email('dee'));
    const first = await h.smtp.waitFor(pic.email, (mail) => DIGEST_SUBJECT.test(mail.subject));
    expect(first.subject).toBe(`New registrants at ${workdomain.name}: 1`);
    expect(first.text).toContain('Dee First');
    expect(first.text).toMatch(/\/app\?conversation=[0-9a-f-]{36}/);

    await h.register(linkId, 'Eve Second', email('eve'));
    await h.register(linkId, 'Fay Third', email('fay'));
    const queued = await outboxFor(h, pic.email);
    expect(queued.map((mail) => [mail.template, mail.status])).toEqual([
      ['pic-digest', 'sent'],
      ['pic-digest', 'pending'],
    ]);
    const [sent, waiting] = queued as [(typeof queued)[0], (typeof queued)[0]];
    expect(waiting.props).toMatchObject({ count: 2 });
    expect(String(waiting.props.registrantList)).toMatch(/Eve Second[\s\S]*Fay Third/);
    // Due 15 minutes after the last summary went out, not before.
    expect(waiting.nextAttemptAt.getTime() - sent.sentAt!.getTime()).toBeGreaterThanOrEqual(
      15 * 60_000 - 1000,
    );
    expect(h.smtp.all(pic.email)).toHaveLength(1);

    // Fifteen minutes later (the clock moved by hand): one summary with both.
    await h.db
      .update(emailOutbox)
      .set({ nextAttemptAt: sql`now()` })
      .where(and(eq(emailOutbox.toAddress, pic.email), eq(emailOutbox.status, 'pending')));
    // Rows changed by hand wake nothing: poke the worker as a commit through enqueueEmail would.
    h.services.worker.poke();
    const second = await h.smtp.waitFor(pic.email, (mail) => mail.subject.endsWith(': 2'));
    expect(second.text).toMatch(/Eve Second[\s\S]*Fay Third/);
    expect(second.text).not.toContain('Dee First');
  });

  it('refuses an unknown choice with 400 invalid_request', async () => {
    const { admin } = await h.seedWorkdomain();
    const { sessionToken } = await createSession(h.db, admin.id);
    const refused = await h.request(
      'PUT',
      '/api/admin/registration',
      { picNotice: 'hourly' },
      { authorization: `Bearer ${sessionToken}` },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalid_request');
  });
});
