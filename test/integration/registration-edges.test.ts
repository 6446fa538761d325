import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRegistration } from '../../server/registration/availability.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

describe.each(backends)('what a registrant meets at the edges (%s)', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  it('a registration completed elsewhere answers registration_complete to verify and resend', async () => {
    const { linkId } = await h.seedWorkdomain();
    const { registrationId, code, verified } = await h.register(linkId, 'Done Elsewhere', 'done@example.com');
    expect(verified.status).toBe(201);

    const again = await h.request('POST', `/api/registrations/${linkId}/verify`, { registrationId, code });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('registration_complete');
    const resent = await h.request('POST', `/api/registrations/${linkId}/resend`, { registrationId });
    expect(resent.status).toBe(422);
    expect(resent.body.error.code).toBe('registration_complete');
  });

  it('the join page says what happens next only while registration is open', async () => {
    const { linkId, workdomain } = await h.seedWorkdomain();
    const page = async () => (await h.app.request(`/join/${linkId}`)).text();
    const open = await page();
    expect(open).toContain('email you a 6-digit code');
    expect(open).toMatch(/<chatpoint-register [^>]*onetap/);
    // The one-tap link is filled in, never verified on load: no attribute asks for that.
    expect(open).not.toContain('autoverify');

    await closeRegistration(h.db, workdomain.id, { kind: 'operator' });
    const closed = await page();
    expect(closed).not.toContain('email you a 6-digit code');
    expect(closed).toContain('<chatpoint-register');
  });
});
