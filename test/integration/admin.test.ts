import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpTexts } from '../../pages/admin/help-texts.ts';
import { createSession, findSessionUser } from '../../server/accounts/sessions.ts';
import { createInternalUser } from '../../server/accounts/users.ts';
import { funnelDaily, users, workdomains } from '../../server/db/schema/index.ts';
import { createWorkdomain } from '../../server/workdomains/workdomains.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness, PUBLIC_URL } from '../helpers/harness.ts';
import { expectedPinnedSnippet } from '../helpers/pinned-snippet.ts';

it('docs/admin-guide.md shows every help text of the admin page, word for word', () => {
  const guide = readFileSync(new URL('../../docs/admin-guide.md', import.meta.url), 'utf8');
  expect(Object.keys(helpTexts).sort()).toEqual(
    [
      'capacity',
      'embed',
      'embedPinned',
      'link',
      'links',
      'message',
      'open',
      'pic',
      'regenerate',
      'webhooks',
      'welcomeMessage',
      'welcomeMessages',
      'picNotice',
      'botProtection',
      'allowedEmailDomains',
      'blockedEmailDomains',
      'blockDisposableEmails',
      'allowedOrigins',
      'csp',
      'privacyPolicyUrl',
      'termsUrl',
      'consentRequired',
      'policyVersion',
      'marketingOptIn',
      'fields',
    ].sort(),
  );
  for (const text of Object.values(helpTexts)) expect(guide).toContain(text);
});

describe.each(backends)('administration API on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  let emailCounter = 0;
  const uniqueEmail = (who: string) => `${who}.${++emailCounter}.${Date.now().toString(36)}@example.com`;

  async function bearer(userId: string) {
    const { sessionToken } = await createSession(h.db, userId);
    return { authorization: `Bearer ${sessionToken}` };
  }

  /** A seeded workdomain with its admin signed in; `api` calls the admin API as that admin. */
  async function adminOf(seed: Parameters<Harness['seedWorkdomain']>[0] = {}) {
    const seeded = await h.seedWorkdomain(seed);
    const auth = await bearer(seeded.admin.id);
    const api = (method: string, url: string, body?: unknown) => h.request(method, url, body, auth);
    return { ...seeded, auth, api };
  }

  const auditActions = async (api: (method: string, url: string) => Promise<any>) =>
    ((await api('GET', '/api/admin/audit')).body.entries as { action: string }[]).map((e) => e.action);

  it('shows the registration settings object of the contract', async () => {
    const { api, linkId, pic } = await adminOf({ welcome: 'Hello there' });
    const shown = await api('GET', '/api/admin/registration');
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({
      open: true,
      closedReason: null,
      plan: 'pro',
      pic: { id: pic.id, name: pic.name, email: pic.email },
      welcomeMessage: 'Hello there',
      welcomeMessages: {},
      linkId,
      url: `${PUBLIC_URL}/join/${linkId}`,
      embed:
        `<script type="module" src="${PUBLIC_URL}/widget/chatpoint-register.js"></script>\n` +
        `<chatpoint-register link="${linkId}"></chatpoint-register>`,
      embedPinned: expectedPinnedSnippet(PUBLIC_URL, linkId),
      capacity: { used: 0, limit: 25 },
      message: 'off',
      picNotice: 'each',
      botProtection: false,
      allowedEmailDomains: [],
      blockedEmailDomains: [],
      blockDisposableEmails: true,
      allowedOrigins: [],
      refusedOrigins: [],
      privacyPolicyUrl: null,
      termsUrl: null,
      consentRequired: false,
      policyVersion: '1',
      marketingOptIn: false,
      fields: [],
    });
  });

  it('creates the link on the first open and keeps it through close and reopen', async () => {
    const { api } = await adminOf({ open: false });
    const before = await api('GET', '/api/admin/registration');
    expect(before.body).toMatchObject({
      open: false,
      closedReason: null,
      linkId: null,
      url: null,
      embed: null,
    });
    expect((await api('GET', '/api/admin/registration/qr.svg')).status).toBe(404);

    const opened = await api('POST', '/api/admin/registration/open');
    expect(opened.status).toBe(200);
    expect(opened.body.open).toBe(true);
    const linkId = opened.body.linkId as string;
    expect(linkId).toMatch(/^[A-Za-z0-9_-]{16,}$/);

    const closed = await api('POST', '/api/admin/registration/close');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ open: false, closedReason: 'manual', linkId });
    expect((await h.request('GET', `/api/registrations/${linkId}`)).body.open).toBe(false);

    const again = await api('POST', '/api/admin/registration/open');
    expect(again.body).toMatchObject({ open: true, closedReason: null, linkId });
    const reopenedTwice = await api('POST', '/api/admin/registration/open');
    expect(reopenedTwice.body.linkId).toBe(linkId);
    expect((await h.request('GET', `/api/registrations/${linkId}`)).body.open).toBe(true);
  });

  it('refuses to open on a plan below Pro, and closes when the plan drops', async () => {
    const standard = await adminOf({ plan: 'standard' });
    const refused = await standard.api('POST', '/api/admin/registration/open');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('plan_ineligible');
    expect((await standard.api('GET', '/api/admin/registration')).body).toMatchObject({
      open: false,
      linkId: null,
      plan: 'standard',
    });

    const pro = await adminOf();
    await h.db.update(workdomains).set({ plan: 'standard' }).where(eq(workdomains.id, pro.workdomain.id));
    expect((await pro.api('GET', '/api/admin/registration')).body).toMatchObject({
      open: false,
      closedReason: 'plan_ineligible',
    });
    expect((await pro.api('POST', '/api/admin/registration/open')).body.error.code).toBe('plan_ineligible');
    await h.db.update(workdomains).set({ plan: 'enterprise' }).where(eq(workdomains.id, pro.workdomain.id));
    expect((await pro.api('POST', '/api/admin/registration/open')).body).toMatchObject({
      open: true,
      plan: 'enterprise',
    });
  });

  it('needs a person in charge to open', async () => {
    const workdomain = await createWorkdomain(h.db, {
      name: 'No PIC Yet',
      slug: `no-pic-${Date.now().toString(36)}`,
      plan: 'pro',
      externalUserLimit: 5,
    });
    const admin = await createInternalUser(h.db, h.deps.hasher, {
      workdomainId: workdomain.id,
      email: uniqueEmail('lone-admin'),
      name: 'Lone Admin',
      password: 'lone-admin-pass-1',
      role: 'admin',
    });
    const auth = await bearer(admin.id);
    expect((await h.request('GET', '/api/admin/registration', undefined, auth)).body).toMatchObject({
      open: false,
      pic: null,
      welcomeMessage: '',
      linkId: null,
    });
    const refused = await h.request('POST', '/api/admin/registration/open', undefined, auth);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('pic_required');

    const picked = await h.request('PUT', '/api/admin/registration', { picUserId: admin.id }, auth);
    expect(picked.status).toBe(200);
    expect(picked.body.pic).toEqual({ id: admin.id, name: 'Lone Admin', email: admin.email });
    expect((await h.request('POST', '/api/admin/registration/open', undefined, auth)).body.open).toBe(true);
  });

  it('closes registration when the PIC is deactivated, tells the admins, and reopens with a PIC again', async () => {
    const { api, admin, pic, linkId } = await adminOf();
    const deactivated = await api('POST', `/api/admin/users/${pic.id}/deactivate`);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.user).toMatchObject({ id: pic.id, status: 'inactive', kind: 'internal' });

    const shown = await api('GET', '/api/admin/registration');
    expect(shown.body).toMatchObject({ open: false, closedReason: 'pic_unavailable', linkId });
    const entries = (await api('GET', '/api/admin/audit')).body.entries;
    expect(entries.slice(0, 2)).toMatchObject([
      { action: 'registration_auto_closed', actor: 'system', details: { reason: 'pic_unavailable' } },
      { action: 'user_deactivated', actor: 'admin', actorUserId: admin.id, details: { userId: pic.id } },
    ]);
    const mail = await h.smtp.waitFor(admin.email, (m) => /was closed/.test(m.subject));
    expect(mail.text).toContain('person in charge');

    expect((await h.request('GET', `/api/registrations/${linkId}`)).body.open).toBe(false);
    const start = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'Too Late',
      email: uniqueEmail('late'),
    });
    expect(start.body.error.code).toBe('registration_closed');

    const refused = await api('POST', '/api/admin/registration/open');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('pic_unavailable');

    const reactivated = await api('POST', `/api/admin/users/${pic.id}/reactivate`);
    expect(reactivated.body.user.status).toBe('active');
    // Coming back does not reopen by itself; the admin decides.
    expect((await api('GET', '/api/admin/registration')).body.open).toBe(false);
    const reopened = await api('POST', '/api/admin/registration/open');
    expect(reopened.body).toMatchObject({ open: true, closedReason: null, linkId });
  });

  it('closes at capacity, refuses to reopen until a seat is free, and guards reactivation', async () => {
    const { api, admin, linkId } = await adminOf({ limit: 1 });
    const first = await h.register(linkId, 'First Customer', uniqueEmail('first'));
    expect(first.verified.status).toBe(201);

    expect((await api('GET', '/api/admin/registration')).body).toMatchObject({
      open: false,
      closedReason: 'capacity_reached',
      capacity: { used: 1, limit: 1 },
    });
    await h.smtp.waitFor(admin.email, (m) => /was closed/.test(m.subject));
    // Newest first: the registration took the last seat, and that closed it.
    expect((await auditActions(api)).slice(0, 2)).toEqual(['registration_auto_closed', 'user_registered']);

    const refused = await api('POST', '/api/admin/registration/open');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('capacity_reached');

    const firstId = first.verified.body.user.id as string;
    expect((await api('POST', `/api/admin/users/${firstId}/deactivate`)).body.user.status).toBe('inactive');
    const reopened = await api('POST', '/api/admin/registration/open');
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ open: true, capacity: { used: 0, limit: 1 } });

    const second = await h.register(linkId, 'Second Customer', uniqueEmail('second'));
    expect(second.verified.status).toBe(201);
    const noSeat = await api('POST', `/api/admin/users/${firstId}/reactivate`);
    expect(noSeat.status).toBe(409);
    expect(noSeat.body.error.code).toBe('capacity_reached');
    const [stillInactive] = await h.db.select().from(users).where(eq(users.id, firstId));
    expect(stillInactive!.status).toBe('inactive');
  });

  it('regenerates the link: the old one is gone, the new one works', async () => {
    const { api, linkId } = await adminOf();
    const regenerated = await api('POST', '/api/admin/registration/regenerate-link');
    expect(regenerated.status).toBe(200);
    const newLinkId = regenerated.body.linkId as string;
    expect(newLinkId).not.toBe(linkId);
    expect(regenerated.body).toMatchObject({ open: true, url: `${PUBLIC_URL}/join/${newLinkId}` });
    expect(regenerated.body.embed).toContain(`link="${newLinkId}"`);

    const old = await h.request('GET', `/api/registrations/${linkId}`);
    expect(old.status).toBe(404);
    expect(old.body.error.code).toBe('link_not_found');
    expect((await h.request('GET', `/api/registrations/${newLinkId}`)).body.open).toBe(true);
    const [entry] = (await api('GET', '/api/admin/audit')).body.entries;
    expect(entry).toMatchObject({ action: 'link_regenerated', details: { from: linkId, to: newLinkId } });
  });

  it('validates settings changes', async () => {
    const { api, pic, workdomain } = await adminOf();
    const long = await api('PUT', '/api/admin/registration', { welcomeMessage: 'x'.repeat(2001) });
    expect(long.status).toBe(422);
    expect(long.body.error.code).toBe('invalid_welcome_message');
    const longest = await api('PUT', '/api/admin/registration', { welcomeMessage: 'é'.repeat(2000) });
    expect(longest.status).toBe(200);
    expect(longest.body.welcomeMessage).toHaveLength(2000);

    const unknown = await api('PUT', '/api/admin/registration', { welcomeMessage: 'Hi', open: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('invalid_request');
    const notAnId = await api('PUT', '/api/admin/registration', { picUserId: 'pat' });
    expect(notAnId.status).toBe(400);

    const leaver = await createInternalUser(h.db, h.deps.hasher, {
      workdomainId: workdomain.id,
      email: uniqueEmail('leaver'),
      name: 'Lee Leaver',
      password: 'leaver-pass-123',
      role: 'member',
    });
    await api('POST', `/api/admin/users/${leaver.id}/deactivate`);
    const inactive = await api('PUT', '/api/admin/registration', { picUserId: leaver.id });
    expect(inactive.status).toBe(409);
    expect(inactive.body.error.code).toBe('pic_unavailable');
    expect((await api('GET', '/api/admin/registration')).body.pic.id).toBe(pic.id);

    const changed = await api('PUT', '/api/admin/registration', { welcomeMessage: '<b>Hi</b> & welcome' });
    expect(changed.body.welcomeMessage).toBe('<b>Hi</b> & welcome');
  });

  it('lists audit entries newest first, with the acting admin', async () => {
    const { api, admin, workdomain } = await adminOf();
    const colleague = await createInternalUser(h.db, h.deps.hasher, {
      workdomainId: workdomain.id,
      email: uniqueEmail('colleague'),
      name: 'Cole League',
      password: 'colleague-pass-1',
      role: 'member',
    });
    await api('PUT', '/api/admin/registration', { picUserId: colleague.id });
    await api('PUT', '/api/admin/registration', { welcomeMessage: 'New words' });
    await api('POST', '/api/admin/registration/close');

    const audit = await api('GET', '/api/admin/audit');
    expect(audit.status).toBe(200);
    const entries = audit.body.entries;
    expect(entries.slice(0, 3)).toMatchObject([
      { action: 'registration_closed', actor: 'admin', actorUserId: admin.id, actorName: 'Grace Admin' },
      { action: 'welcome_message_changed', actor: 'admin', actorName: 'Grace Admin' },
      { action: 'pic_changed', actor: 'admin', details: { to: colleague.id } },
    ]);
    // The harness seeded with the operator CLI's identity: no user behind it.
    expect(entries.at(-1)).toMatchObject({ actor: 'operator', actorUserId: null, actorName: null });
    const times = entries.map((e: { createdAt: string }) => Date.parse(e.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const limited = await api('GET', '/api/admin/audit?limit=1');
    expect(limited.body.entries).toHaveLength(1);
    expect(limited.body.entries[0].id).toBe(entries[0].id);
    expect((await api('GET', '/api/admin/audit?limit=0')).status).toBe(400);
    expect((await api('GET', '/api/admin/audit?limit=many')).status).toBe(400);
  });

  it('counts the funnel over 7 and 30 days', async () => {
    const { api, linkId, workdomain } = await adminOf();
    const empty = await api('GET', '/api/admin/funnel');
    expect(empty.status).toBe(200);
    const zero = {
      linkViews: 0,
      codesSent: 0,
      signInCodesSent: 0,
      noticesSent: 0,
      verified: 0,
      accountsCreated: 0,
      signIns: 0,
      newAccountRate: null,
      signInRate: null,
    };
    expect(empty.body).toEqual({ last7Days: zero, last30Days: zero, byLink: [] });

    expect((await h.request('GET', `/api/registrations/${linkId}?view=1`)).status).toBe(200);
    expect((await h.register(linkId, 'Funnel Fan', uniqueEmail('funnel'))).verified.status).toBe(201);
    await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'Drop Off',
      email: uniqueEmail('drop'),
    });
    const dayAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    await h.db.insert(funnelDaily).values([
      { workdomainId: workdomain.id, linkId, kind: 'link_viewed', day: dayAgo(10), count: 1 },
      { workdomainId: workdomain.id, linkId, kind: 'link_viewed', day: dayAgo(40), count: 1 },
    ]);

    const funnel = await api('GET', '/api/admin/funnel');
    const last7Days = {
      ...zero,
      linkViews: 1,
      codesSent: 2,
      verified: 1,
      accountsCreated: 1,
      newAccountRate: 0.5,
    };
    const last30Days = { ...last7Days, linkViews: 2 };
    expect(funnel.body).toEqual({
      last7Days,
      last30Days,
      byLink: [{ linkId, label: 'default', deleted: false, last7Days, last30Days }],
    });
  });

  it('lists users newest first, with the registered external user', async () => {
    const { api, admin, pic, linkId } = await adminOf();
    const email = uniqueEmail('Listed.Customer');
    const { verified } = await h.register(linkId, 'Listed Customer', email);
    const listed = await api('GET', '/api/admin/users');
    expect(listed.status).toBe(200);
    expect(listed.body.users).toHaveLength(3);
    const [newest, ...rest] = listed.body.users;
    expect(newest).toEqual({
      id: verified.body.user.id,
      email: verified.body.user.email,
      name: 'Listed Customer',
      kind: 'external',
      role: 'member',
      status: 'active',
      createdAt: expect.any(String),
      registeredViaLink: true,
      registeredVia: { linkId, label: 'default' },
      registrants: null,
      fields: {},
      marketing: false,
      consentVersion: null,
    });
    expect(rest.map((u: { id: string }) => u.id)).toEqual([pic.id, admin.id]);
    // The person in charge says how many registrants they look after.
    expect(rest).toMatchObject([
      { kind: 'internal', role: 'member', registeredViaLink: false, registeredVia: null, registrants: 1 },
      { kind: 'internal', role: 'admin', registeredViaLink: false, registeredVia: null, registrants: null },
    ]);
  });

  it('deactivates and reactivates users: sessions end, repeats change nothing, not yourself', async () => {
    const { api, admin, workdomain } = await adminOf();
    const member = await createInternalUser(h.db, h.deps.hasher, {
      workdomainId: workdomain.id,
      email: uniqueEmail('member'),
      name: 'Mem Ber',
      password: 'member-pass-123',
      role: 'member',
    });
    const { sessionToken } = await createSession(h.db, member.id);

    const off = await api('POST', `/api/admin/users/${member.id}/deactivate`);
    expect(off.status).toBe(200);
    expect(off.body.user).toMatchObject({ id: member.id, email: member.email, status: 'inactive' });
    expect(await findSessionUser(h.db, sessionToken)).toBeNull();
    const offAgain = await api('POST', `/api/admin/users/${member.id}/deactivate`);
    expect(offAgain.body.user.status).toBe('inactive');
    expect((await auditActions(api)).filter((a) => a === 'user_deactivated')).toHaveLength(1);

    const on = await api('POST', `/api/admin/users/${member.id}/reactivate`);
    expect(on.body.user.status).toBe('active');
    expect(
      (await api('GET', '/api/admin/users')).body.users.find((u: any) => u.id === member.id).status,
    ).toBe('active');

    const self = await api('POST', `/api/admin/users/${admin.id}/deactivate`);
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('conflict');
    expect((await api('GET', '/api/admin/registration')).status).toBe(200);

    const missing = await api('POST', '/api/admin/users/00000000-0000-4000-8000-000000000000/deactivate');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('user_not_found');
    expect((await api('POST', '/api/admin/users/not-a-uuid/reactivate')).status).toBe(400);
  });

  it('draws the registration URL as an SVG QR code', async () => {
    const { api } = await adminOf();
    expect((await h.request('GET', '/api/admin/registration/qr.svg')).status).toBe(401);
    const svg = await api('GET', '/api/admin/registration/qr.svg');
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(svg.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(svg.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg.body).not.toMatch(/<script/i);

    await api('POST', '/api/admin/registration/regenerate-link');
    const redrawn = await api('GET', '/api/admin/registration/qr.svg');
    expect(redrawn.body).not.toBe(svg.body);
  });

  it('documents every admin route in /openapi.json under Administration', async () => {
    const doc = (await h.request('GET', '/openapi.json')).body;
    const expected = [
      ['get', '/api/admin/registration'],
      ['put', '/api/admin/registration'],
      ['post', '/api/admin/registration/open'],
      ['post', '/api/admin/registration/close'],
      ['post', '/api/admin/registration/regenerate-link'],
      ['get', '/api/admin/registration/qr.svg'],
      ['get', '/api/admin/users'],
      ['post', '/api/admin/users/{id}/deactivate'],
      ['post', '/api/admin/users/{id}/reactivate'],
      ['get', '/api/admin/funnel'],
      ['get', '/api/admin/audit'],
      ['get', '/api/admin/registration/links'],
      ['post', '/api/admin/registration/links'],
      ['delete', '/api/admin/registration/links/{linkId}'],
      ['get', '/api/admin/registration/links/{linkId}/qr.svg'],
      ['get', '/api/admin/webhooks'],
      ['post', '/api/admin/webhooks'],
      ['delete', '/api/admin/webhooks/{id}'],
      ['post', '/api/admin/webhooks/{id}/test'],
    ] as const;
    for (const [method, path] of expected) {
      expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual(['Administration']);
      expect(doc.paths[path][method].responses).toHaveProperty('401');
    }
    expect(doc.components.securitySchemes).toHaveProperty('sessionBearer');
  });
});
