import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../server/db/schema/index.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

// The workers poll only once a minute here: mail that arrives within seconds was sent because the
// transaction that queued it woke the worker when it committed.
describe.each(backends)('work queued in a transaction wakes its worker after the commit (%s)', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend, pollMs: 60_000 });
  });
  afterAll(() => h?.close());

  it('delivers the admins\' "registration closed" mail when verify closes registration and refuses', async () => {
    const { linkId, pic, admin } = await h.seedWorkdomain();
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'Ann',
      email: 'ann@example.com',
    });
    expect(started.status).toBe(202);
    const code = await h.codeFor('ann@example.com');
    // The PIC leaves without going through the admin page, so only verify notices.
    await h.db.update(users).set({ status: 'inactive' }).where(eq(users.id, pic.id));

    const verified = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId: started.body.registrationId,
      code,
    });
    expect(verified.status).toBe(409);
    expect(verified.body.error.code).toBe('registration_closed');
    const mail = await h.smtp.waitFor(admin.email, (m) => m.subject.includes('was closed'), 5_000);
    expect(mail.subject).toContain('Public registration for');
  });
});
