import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, revokeSession } from '../../server/accounts/sessions.ts';
import { createInternalUser } from '../../server/accounts/users.ts';
import { users } from '../../server/db/schema/index.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness, PUBLIC_URL } from '../helpers/harness.ts';

interface AdminCall {
  method: 'GET' | 'PUT' | 'POST';
  path: string;
  body?: unknown;
}

describe.each(backends)('administration authorization on %s', (backend) => {
  let h: Harness;
  let home: Awaited<ReturnType<Harness['seedWorkdomain']>>;
  let other: Awaited<ReturnType<Harness['seedWorkdomain']>>;
  /** A member of `home` that the admin calls may switch off and on. */
  let target: { id: string };
  let adminToken: string;
  let memberToken: string;
  let externalToken: string;
  let otherAdminToken: string;

  /** Every admin route, with a request that succeeds for the home admin. */
  const calls = (): AdminCall[] => [
    { method: 'GET', path: '/api/admin/registration' },
    { method: 'PUT', path: '/api/admin/registration', body: { welcomeMessage: 'Hello' } },
    { method: 'POST', path: '/api/admin/registration/close' },
    { method: 'POST', path: '/api/admin/registration/open' },
    { method: 'POST', path: '/api/admin/registration/regenerate-link' },
    { method: 'GET', path: '/api/admin/registration/qr.svg' },
    { method: 'GET', path: '/api/admin/users' },
    { method: 'POST', path: `/api/admin/users/${target.id}/deactivate` },
    { method: 'POST', path: `/api/admin/users/${target.id}/reactivate` },
    { method: 'GET', path: '/api/admin/funnel' },
    { method: 'GET', path: '/api/admin/audit?limit=5' },
    { method: 'GET', path: '/api/admin/registration/links' },
    { method: 'GET', path: '/api/admin/webhooks' },
  ];
  const writes = () => calls().filter((call) => call.method !== 'GET');
  const label = (call: AdminCall) => `${call.method} ${call.path}`;
  const send = (call: AdminCall, headers: Record<string, string> = {}) =>
    h.request(call.method, call.path, call.body, headers);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    h = await createHarness({ backend });
    home = await h.seedWorkdomain();
    other = await h.seedWorkdomain();
    const member = await createInternalUser(h.db, h.deps.hasher, {
      workdomainId: home.workdomain.id,
      email: `target.${Date.now().toString(36)}@acme.test`,
      name: 'Tar Get',
      password: 'target-pass-123',
      role: 'member',
    });
    target = member;
    const external = await h.register(
      home.linkId,
      'Cus Tomer',
      `customer.${Date.now().toString(36)}@example.com`,
    );
    adminToken = (await createSession(h.db, home.admin.id)).sessionToken;
    memberToken = (await createSession(h.db, home.pic.id)).sessionToken;
    externalToken = (await createSession(h.db, external.verified.body.user.id)).sessionToken;
    otherAdminToken = (await createSession(h.db, other.admin.id)).sessionToken;
  });
  afterAll(() => h?.close());

  it('answers 401 unauthenticated without a session or with a bad one', async () => {
    const revoked = await createSession(h.db, home.admin.id);
    await revokeSession(h.db, revoked.sessionId);
    for (const call of calls()) {
      const attempts: Record<string, string>[] = [
        {},
        bearer('not-a-session'),
        bearer(revoked.sessionToken),
        { cookie: 'cp_session=not-a-session' },
      ];
      for (const headers of attempts) {
        const response = await send(call, headers);
        expect(response.status, label(call)).toBe(401);
        expect(response.body.error.code, label(call)).toBe('unauthenticated');
      }
    }
  });

  it('answers 403 forbidden to members and external users', async () => {
    for (const call of calls()) {
      for (const token of [memberToken, externalToken]) {
        const response = await send(call, bearer(token));
        expect(response.status, label(call)).toBe(403);
        expect(response.body.error.code, label(call)).toBe('forbidden');
      }
    }
    // Nothing the refused calls asked for happened.
    const [targetRow] = await h.db.select().from(users).where(eq(users.id, target.id));
    expect(targetRow!.status).toBe('active');
    const shown = await h.request('GET', '/api/admin/registration', undefined, bearer(adminToken));
    expect(shown.body).toMatchObject({ open: true, linkId: home.linkId });
  });

  it('answers 200 to the admin of the workdomain', async () => {
    for (const call of calls()) {
      const response = await send(call, bearer(adminToken));
      expect(response.status, label(call)).toBe(200);
    }
  });

  it("keeps another workdomain's admin to their own workdomain", async () => {
    const homeBefore = (await h.request('GET', '/api/admin/registration', undefined, bearer(adminToken)))
      .body;
    const asOther = (method: string, path: string, body?: unknown) =>
      h.request(method, path, body, bearer(otherAdminToken));

    const shown = await asOther('GET', '/api/admin/registration');
    expect(shown.body.pic.id).toBe(other.pic.id);
    expect(shown.body.linkId).not.toBe(homeBefore.linkId);

    const listed = (await asOther('GET', '/api/admin/users')).body.users.map((u: { id: string }) => u.id);
    expect(listed).toEqual(expect.arrayContaining([other.admin.id, other.pic.id]));
    for (const id of [home.admin.id, home.pic.id, target.id]) expect(listed).not.toContain(id);

    for (const action of ['deactivate', 'reactivate']) {
      for (const id of [home.pic.id, target.id]) {
        const response = await asOther('POST', `/api/admin/users/${id}/${action}`);
        expect(response.status, `${action} ${id}`).toBe(404);
        expect(response.body.error.code).toBe('user_not_found');
      }
    }
    const foreignPic = await asOther('PUT', '/api/admin/registration', { picUserId: home.pic.id });
    expect(foreignPic.status).toBe(409);
    expect(foreignPic.body.error.code).toBe('pic_unavailable');

    await asOther('POST', '/api/admin/registration/close');
    await asOther('POST', '/api/admin/registration/regenerate-link');
    await asOther('PUT', '/api/admin/registration', { welcomeMessage: 'Other words' });
    const otherAudit = (await asOther('GET', '/api/admin/audit?limit=200')).body.entries;
    expect(otherAudit.some((e: { actorUserId: string }) => e.actorUserId === home.admin.id)).toBe(false);
    const otherQr = (await asOther('GET', '/api/admin/registration/qr.svg')).body;
    const homeQr = (await h.request('GET', '/api/admin/registration/qr.svg', undefined, bearer(adminToken)))
      .body;
    expect(otherQr).not.toBe(homeQr);

    const homeAfter = (await h.request('GET', '/api/admin/registration', undefined, bearer(adminToken))).body;
    expect(homeAfter).toEqual(homeBefore);
    const homeRows = await h.db.select().from(users).where(eq(users.workdomainId, home.workdomain.id));
    expect(homeRows.every((u) => u.status === 'active')).toBe(true);
  });

  it('refuses cookie writes from another origin, and takes them from our own', async () => {
    const cookie = { cookie: `cp_session=${adminToken}` };
    const before = await h.request(
      'PUT',
      '/api/admin/registration',
      { welcomeMessage: 'Before' },
      {
        ...bearer(adminToken),
      },
    );
    expect(before.body.open).toBe(true);
    for (const call of writes()) {
      for (const headers of [
        { ...cookie, origin: 'https://evil.test' },
        { ...cookie, 'sec-fetch-site': 'cross-site' },
        { ...cookie, origin: 'null' },
      ]) {
        const response = await send(call, headers);
        expect(response.status, label(call)).toBe(403);
        expect(response.body.error.code, label(call)).toBe('cross_origin_write');
      }
    }
    // A cookie read is fine; none of the refused writes changed anything.
    const shown = await h.request('GET', '/api/admin/registration', undefined, cookie);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual(before.body);
    const [targetRow] = await h.db.select().from(users).where(eq(users.id, target.id));
    expect(targetRow!.status).toBe('active');

    const sameOrigin = await h.request(
      'PUT',
      '/api/admin/registration',
      { welcomeMessage: 'Cookie words' },
      { ...cookie, origin: PUBLIC_URL },
    );
    expect(sameOrigin.status).toBe(200);
    expect(sameOrigin.body.welcomeMessage).toBe('Cookie words');
    // A bearer token is not sent by browsers on their own, so the Origin does not matter there.
    const bearerCall = await h.request('POST', '/api/admin/registration/close', undefined, {
      ...bearer(adminToken),
      origin: 'https://evil.test',
    });
    expect(bearerCall.status).toBe(200);
  });

  it("ends a deactivated admin's access", async () => {
    const seeded = await h.seedWorkdomain();
    const second = await createInternalUser(h.db, h.deps.hasher, {
      workdomainId: seeded.workdomain.id,
      email: `second.admin.${Date.now().toString(36)}@acme.test`,
      name: 'Second Admin',
      password: 'second-admin-pass',
      role: 'admin',
    });
    const { sessionToken } = await createSession(h.db, second.id);
    expect((await h.request('GET', '/api/admin/users', undefined, bearer(sessionToken))).status).toBe(200);
    const firstAdmin = (await createSession(h.db, seeded.admin.id)).sessionToken;
    await h.request('POST', `/api/admin/users/${second.id}/deactivate`, undefined, bearer(firstAdmin));
    const after = await h.request('GET', '/api/admin/users', undefined, bearer(sessionToken));
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
  });
});
