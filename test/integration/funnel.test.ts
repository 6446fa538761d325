import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/accounts/sessions.ts';
import { funnelDaily } from '../../server/db/schema/index.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

describe.each(backends)('the registration funnel on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  let counter = 0;
  const uniqueEmail = (who: string) => `${who}.${++counter}.${Date.now().toString(36)}@example.com`;

  async function adminOf() {
    const seeded = await h.seedWorkdomain();
    const { sessionToken } = await createSession(h.db, seeded.admin.id);
    const api = (method: string, url: string, body?: unknown) =>
      h.request(method, url, body, { authorization: `Bearer ${sessionToken}` });
    return { ...seeded, api };
  }

  /** A member's sign-in through `linkId`: start, read the sign-in code, verify. */
  async function signIn(linkId: string, email: string, earlier: number) {
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, { name: 'Back', email });
    expect(started.status).toBe(202);
    const isSignIn = (mail: { subject: string }) => mail.subject.startsWith('Your sign-in code for');
    await h.smtp.waitFor(email, () => h.smtp.all(email).filter(isSignIn).length > earlier);
    const code = codeIn(h.smtp.all(email).filter(isSignIn).at(-1)!);
    const verified = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId: started.body.registrationId,
      code,
    });
    expect(verified.status).toBe(200);
  }

  it('counts new accounts and sign-ins apart, each against the codes of its own kind', async () => {
    const { api, linkId } = await adminOf();
    const fair = (await api('POST', '/api/admin/registration/links', { label: 'Spring fair' })).body;
    const email = uniqueEmail('member');
    expect((await h.register(fair.linkId, 'Ann Lee', email)).verified.status).toBe(201);
    const dropped = { name: 'Drop Off', email: uniqueEmail('drop') };
    expect((await h.request('POST', `/api/registrations/${fair.linkId}/start`, dropped)).status).toBe(202);
    await signIn(linkId, email, 0);
    await signIn(linkId, email, 1);

    const funnel = (await api('GET', '/api/admin/funnel')).body;
    const expected = {
      codesSent: 2,
      signInCodesSent: 2,
      verified: 3,
      accountsCreated: 1,
      signIns: 2,
      newAccountRate: 0.5,
      signInRate: 1,
    };
    expect(funnel.last7Days).toMatchObject(expected);
    expect(funnel.last30Days).toMatchObject(expected);

    const byId = (id: string) => funnel.byLink.find((link: { linkId: string }) => link.linkId === id);
    expect(byId(fair.linkId)).toMatchObject({
      label: 'Spring fair',
      deleted: false,
      last7Days: { codesSent: 2, accountsCreated: 1, signIns: 0, newAccountRate: 0.5, signInRate: null },
    });
    expect(byId(linkId)).toMatchObject({
      label: 'default',
      deleted: false,
      last7Days: { codesSent: 0, signIns: 2, signInCodesSent: 2, newAccountRate: null, signInRate: 1 },
    });

    expect((await api('DELETE', `/api/admin/registration/links/${fair.linkId}`)).status).toBe(204);
    const after = (await api('GET', '/api/admin/funnel')).body;
    expect(after.byLink.find((link: { linkId: string }) => link.linkId === fair.linkId)).toMatchObject({
      label: 'Spring fair',
      deleted: true,
    });
  });

  it('never shows a share above 100 %, and none when nothing was sent', async () => {
    const { api, linkId, workdomain } = await adminOf();
    const empty = (await api('GET', '/api/admin/funnel')).body.last30Days;
    expect(empty).toMatchObject({ signIns: 0, newAccountRate: null, signInRate: null });

    // A code sent just before the window's first day, verified inside it.
    const today = new Date().toISOString().slice(0, 10);
    const place = { workdomainId: workdomain.id, linkId, day: today };
    await h.db.insert(funnelDaily).values([
      { ...place, kind: 'code_sent', count: 1 },
      { ...place, kind: 'verified', count: 5 },
      { ...place, kind: 'account_created', count: 2 },
      { ...place, kind: 'sign_in_code_sent', count: 2 },
    ]);
    const counts = (await api('GET', '/api/admin/funnel')).body.last7Days;
    expect(counts).toMatchObject({ accountsCreated: 2, signIns: 3, newAccountRate: 1, signInRate: 1 });
  });

  it('documents the new counts and shares in /openapi.json', async () => {
    const doc = (await h.request('GET', '/openapi.json')).body;
    const funnel = doc.components.schemas.RegistrationFunnel;
    const window = funnel.properties.last7Days;
    const counts = window.$ref ? doc.components.schemas[window.$ref.split('/').at(-1)] : window;
    expect(Object.keys(counts.properties)).toEqual(
      expect.arrayContaining(['signIns', 'newAccountRate', 'signInRate', 'verified', 'accountsCreated']),
    );
    expect(Object.keys(funnel.properties.byLink.items.properties)).toEqual(
      expect.arrayContaining(['linkId', 'label', 'deleted']),
    );
  });
});
