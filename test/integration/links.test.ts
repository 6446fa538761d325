import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/accounts/sessions.ts';
import { registrations } from '../../server/db/schema/index.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness, PUBLIC_URL } from '../helpers/harness.ts';
import { expectedPinnedSnippet } from '../helpers/pinned-snippet.ts';

describe.each(backends)('registration links on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  let counter = 0;
  const email = (who: string) => `${who}.${++counter}.${Date.now().toString(36)}@example.com`;

  async function adminOf(seed: Parameters<Harness['seedWorkdomain']>[0] = {}) {
    const seeded = await h.seedWorkdomain(seed);
    const { sessionToken } = await createSession(h.db, seeded.admin.id);
    const api = (method: string, url: string, body?: unknown) =>
      h.request(method, url, body, { authorization: `Bearer ${sessionToken}` });
    return { ...seeded, api };
  }

  it('lists the default link first, and adds links that lead to the same registration', async () => {
    const { api, linkId } = await adminOf();
    const first = await api('GET', '/api/admin/registration/links');
    expect(first.status).toBe(200);
    expect(first.body.links).toEqual([
      {
        linkId,
        label: 'default',
        url: `${PUBLIC_URL}/join/${linkId}`,
        embed:
          `<script type="module" src="${PUBLIC_URL}/widget/chatpoint-register.js"></script>\n` +
          `<chatpoint-register link="${linkId}"></chatpoint-register>`,
        embedPinned: expectedPinnedSnippet(PUBLIC_URL, linkId),
        createdAt: expect.any(String),
        registrations: 0,
        default: true,
      },
    ]);

    const created = await api('POST', '/api/admin/registration/links', { label: '  Spring fair ' });
    expect(created.status).toBe(201);
    const fair = created.body;
    expect(fair).toMatchObject({ label: 'Spring fair', registrations: 0, default: false });
    expect(fair.linkId).not.toBe(linkId);
    expect(fair.url).toBe(`${PUBLIC_URL}/join/${fair.linkId}`);
    expect(fair.embed).toContain(`link="${fair.linkId}"`);
    const info = await h.request('GET', `/api/registrations/${fair.linkId}`);
    expect(info.status).toBe(200);
    expect(info.body.open).toBe(true);

    const listed = (await api('GET', '/api/admin/registration/links')).body.links;
    expect(listed.map((link: { linkId: string }) => link.linkId)).toEqual([linkId, fair.linkId]);
  });

  it('records the link of every registration and user, and counts users per link', async () => {
    const { api, linkId } = await adminOf();
    const fair = (await api('POST', '/api/admin/registration/links', { label: 'Fair' })).body;
    const viaFair = await h.register(fair.linkId, 'Fair Visitor', email('Fair.Visitor'));
    expect(viaFair.verified.status).toBe(201);
    const viaDefault = await h.register(linkId, 'Web Visitor', email('Web.Visitor'));
    expect(viaDefault.verified.status).toBe(201);
    await h.register(fair.linkId, 'Second Fair', email('Second.Fair'));

    const [row] = await h.db.select().from(registrations).where(eq(registrations.id, viaFair.registrationId));
    expect(row!.linkId).toBe(fair.linkId);

    const users = (await api('GET', '/api/admin/users')).body.users;
    const byName = (name: string) => users.find((user: { name: string }) => user.name === name);
    expect(byName('Fair Visitor').registeredVia).toEqual({ linkId: fair.linkId, label: 'Fair' });
    expect(byName('Web Visitor').registeredVia).toEqual({ linkId, label: 'default' });
    expect(byName('Grace Admin').registeredVia).toBeNull();

    const counts = (await api('GET', '/api/admin/registration/links')).body.links.map(
      (link: { label: string; registrations: number }) => [link.label, link.registrations],
    );
    expect(counts).toEqual([
      ['default', 1],
      ['Fair', 2],
    ]);
  });

  it("opens every live link's page, preview and QR target, and 404s a deleted one", async () => {
    const { api, workdomain } = await adminOf();
    await api('POST', '/api/admin/registration/links', { label: 'Spring fair' });
    await api('POST', '/api/admin/registration/links', { label: 'Poster' });
    const links: { linkId: string; url: string }[] = (await api('GET', '/api/admin/registration/links')).body
      .links;
    expect(links).toHaveLength(3);
    for (const link of links) {
      const pagePath = new URL(link.url).pathname;
      const page = await h.request('GET', pagePath);
      expect(page.status, pagePath).toBe(200);
      expect(String(page.body)).toContain(workdomain.name);
      expect(String(page.body)).toContain(`link="${link.linkId}"`);
      const preview = await h.request('GET', `${pagePath}?preview=1`);
      expect(preview.status, `${pagePath}?preview=1`).toBe(200);
      expect(String(preview.body)).toContain(`link="${link.linkId}" lang="en" preview`);
      // The QR code encodes exactly the link's URL, which is the page just opened.
      const svg = await api('GET', `/api/admin/registration/links/${link.linkId}/qr.svg`);
      expect(svg.status).toBe(200);
      expect(String(svg.body)).toBe(
        await QRCode.toString(link.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }),
      );
    }
    const gone = links[2]!;
    expect((await api('DELETE', `/api/admin/registration/links/${gone.linkId}`)).status).toBe(204);
    const page = await h.request('GET', new URL(gone.url).pathname);
    expect(page.status).toBe(404);
    expect(String(page.body)).not.toContain('<chatpoint-register');
  });

  it('deletes a link: 204, then it answers 404 link_not_found; its users keep their source', async () => {
    const { api } = await adminOf();
    const fair = (await api('POST', '/api/admin/registration/links', { label: 'Gone soon' })).body;
    await h.register(fair.linkId, 'Early Bird', email('Early.Bird'));
    const lateEmail = email('Late.Comer');
    const started = await h.request('POST', `/api/registrations/${fair.linkId}/start`, {
      name: 'Late Comer',
      email: lateEmail,
    });
    expect(started.status).toBe(202);
    const code = await h.codeFor(lateEmail);

    expect((await api('DELETE', `/api/admin/registration/links/${fair.linkId}`)).status).toBe(204);
    for (const [method, path, body] of [
      ['GET', `/api/registrations/${fair.linkId}`, undefined],
      ['POST', `/api/registrations/${fair.linkId}/start`, { name: 'New Person', email: email('New.Person') }],
      [
        'POST',
        `/api/registrations/${fair.linkId}/verify`,
        { registrationId: started.body.registrationId, code },
      ],
    ] as const) {
      const gone = await h.request(method, path, body);
      expect(gone.status, path).toBe(404);
      expect(gone.body.error.code).toBe('link_not_found');
    }
    const again = await api('DELETE', `/api/admin/registration/links/${fair.linkId}`);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('link_not_found');
    expect((await api('GET', `/api/admin/registration/links/${fair.linkId}/qr.svg`)).status).toBe(404);

    const links = (await api('GET', '/api/admin/registration/links')).body.links;
    expect(links.map((link: { label: string }) => link.label)).toEqual(['default']);
    const early = (await api('GET', '/api/admin/users')).body.users.find(
      (user: { name: string }) => user.name === 'Early Bird',
    );
    expect(early.registeredVia).toEqual({ linkId: fair.linkId, label: 'Gone soon' });
    const actions = (await api('GET', '/api/admin/audit')).body.entries.map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['link_created', 'link_deleted']));
  });

  it('keeps the default link (409) and replaces it on regenerate', async () => {
    const { api, linkId } = await adminOf();
    const refused = await api('DELETE', `/api/admin/registration/links/${linkId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    const extra = (await api('POST', '/api/admin/registration/links', { label: 'Poster' })).body;

    const regenerated = (await api('POST', '/api/admin/registration/regenerate-link')).body;
    expect(regenerated.linkId).not.toBe(linkId);
    expect((await h.request('GET', `/api/registrations/${linkId}`)).status).toBe(404);
    expect((await h.request('GET', `/api/registrations/${extra.linkId}`)).status).toBe(200);
    const links = (await api('GET', '/api/admin/registration/links')).body.links;
    expect(links.map((link: { linkId: string; label: string }) => [link.linkId, link.label])).toEqual([
      [regenerated.linkId, 'default'],
      [extra.linkId, 'Poster'],
    ]);
  });

  it('closes every link together and serves a QR code per link', async () => {
    const { api } = await adminOf();
    const extra = (await api('POST', '/api/admin/registration/links', { label: 'Counter' })).body;
    expect((await h.request('GET', `/api/admin/registration/links/${extra.linkId}/qr.svg`)).status).toBe(401);
    const svg = await api('GET', `/api/admin/registration/links/${extra.linkId}/qr.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(String(svg.body)).toContain('<svg');

    expect((await api('POST', '/api/admin/registration/close')).status).toBe(200);
    const closed = await h.request('GET', `/api/registrations/${extra.linkId}`);
    expect(closed.body.open).toBe(false);
    const start = await h.request('POST', `/api/registrations/${extra.linkId}/start`, {
      name: 'Too Late',
      email: email('Too.Late'),
    });
    expect(start.status).toBe(409);
    expect(start.body.error.code).toBe('registration_closed');
  });

  it('refuses links before the first open, bad labels, and links of another workdomain', async () => {
    const never = await adminOf({ open: false });
    const early = await never.api('POST', '/api/admin/registration/links', { label: 'Too early' });
    expect(early.status).toBe(409);
    expect((await never.api('GET', '/api/admin/registration/links')).body.links).toEqual([]);

    const { api } = await adminOf();
    for (const body of [
      {},
      { label: '' },
      { label: '   ' },
      { label: 'x'.repeat(81) },
      { label: 'ok', extra: 1 },
    ]) {
      const refused = await api('POST', '/api/admin/registration/links', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe('invalid_request');
    }
    const other = await adminOf();
    const theirs = (await other.api('POST', '/api/admin/registration/links', { label: 'Theirs' })).body;
    expect((await api('DELETE', `/api/admin/registration/links/${theirs.linkId}`)).status).toBe(404);
    expect((await api('GET', `/api/admin/registration/links/${theirs.linkId}/qr.svg`)).status).toBe(404);
    expect((await h.request('GET', `/api/registrations/${theirs.linkId}`)).status).toBe(200);
  });

  it('lets only admins change links and webhooks, and refuses cookie writes from another origin', async () => {
    const { api, admin, pic, linkId } = await adminOf();
    const extra = (await api('POST', '/api/admin/registration/links', { label: 'Kept' })).body;
    const writes: [string, string, unknown][] = [
      ['POST', '/api/admin/registration/links', { label: 'Sneaky' }],
      ['DELETE', `/api/admin/registration/links/${extra.linkId}`, undefined],
      ['POST', '/api/admin/webhooks', { url: 'https://example.com/hook' }],
      ['DELETE', '/api/admin/webhooks/0b7c3f9e-1d2a-4c5b-8e6f-7a8b9c0d1e2f', undefined],
      ['POST', '/api/admin/webhooks/0b7c3f9e-1d2a-4c5b-8e6f-7a8b9c0d1e2f/test', undefined],
    ];
    const member = (await createSession(h.db, pic.id)).sessionToken;
    const cookie = `cp_session=${(await createSession(h.db, admin.id)).sessionToken}`;
    for (const [method, path, body] of writes) {
      expect((await h.request(method, path, body)).status, path).toBe(401);
      expect((await h.request(method, path, body, { authorization: `Bearer ${member}` })).status, path).toBe(
        403,
      );
      const crossSite = await h.request(method, path, body, { cookie, origin: 'https://evil.test' });
      expect(crossSite.status, path).toBe(403);
      expect(crossSite.body.error.code).toBe('cross_origin_write');
    }
    const links = (await api('GET', '/api/admin/registration/links')).body.links;
    expect(links.map((link: { linkId: string }) => link.linkId)).toEqual([linkId, extra.linkId]);
    expect((await api('GET', '/api/admin/webhooks')).body.webhooks).toEqual([]);
  });
});
