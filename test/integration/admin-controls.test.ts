import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/accounts/sessions.ts';
import { createInternalUser } from '../../server/accounts/users.ts';
import { users } from '../../server/db/schema/index.ts';
import { challengeKey, newChallenge } from '../../server/registration/challenge.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness, PUBLIC_URL } from '../helpers/harness.ts';

/** Finds the number behind an ALTCHA challenge, as the widget does, and packs the start payload. */
function solve(challenge: { algorithm: string; challenge: string; salt: string; signature: string }) {
  for (let number = 0; number <= 1_000_000; number++) {
    const hash = createHash('sha256').update(`${challenge.salt}${number}`).digest('hex');
    if (hash === challenge.challenge) {
      const { algorithm, salt, signature } = challenge;
      const payload = { algorithm, challenge: challenge.challenge, number, salt, signature };
      return Buffer.from(JSON.stringify(payload)).toString('base64');
    }
  }
  throw new Error('no solution');
}

describe.each(backends)('who may register, from where, against bots (%s)', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  let counter = 0;
  const unique = (domain: string) => `person.${++counter}.${Date.now().toString(36)}@${domain}`;

  async function adminOf() {
    const seeded = await h.seedWorkdomain();
    const { sessionToken } = await createSession(h.db, seeded.admin.id);
    const auth = { authorization: `Bearer ${sessionToken}` };
    const api = (method: string, url: string, body?: unknown) => h.request(method, url, body, auth);
    const put = (change: Record<string, unknown>) => api('PUT', '/api/admin/registration', change);
    const start = (
      email: string,
      extra: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ) =>
      h.request(
        'POST',
        `/api/registrations/${seeded.linkId}/start`,
        { name: 'Reg Istrant', email, ...extra },
        headers,
      );
    return { ...seeded, api, put, start };
  }

  describe('email domain rules', () => {
    it('defaults to any domain except disposable ones, and normalises what the admin types', async () => {
      const { api, put } = await adminOf();
      expect((await api('GET', '/api/admin/registration')).body).toMatchObject({
        allowedEmailDomains: [],
        blockedEmailDomains: [],
        blockDisposableEmails: true,
      });
      const saved = await put({
        allowedEmailDomains: ['Example.COM', '@bücher.example', 'example.com', 'mail.example.org.'],
        blockedEmailDomains: ['Spam.Example.com'],
      });
      expect(saved.status).toBe(200);
      expect(saved.body.allowedEmailDomains).toEqual([
        'example.com',
        'xn--bcher-kva.example',
        'mail.example.org',
      ]);
      expect(saved.body.blockedEmailDomains).toEqual(['spam.example.com']);
      const actions = (await api('GET', '/api/admin/audit')).body.entries.map(
        (e: { action: string }) => e.action,
      );
      expect(actions).toEqual(
        expect.arrayContaining(['allowed_email_domains_changed', 'blocked_email_domains_changed']),
      );
    });

    it('refuses malformed domains with 422 invalid_request and keeps the old lists', async () => {
      const { api, put } = await adminOf();
      await put({ blockedEmailDomains: ['kept.example'] });
      for (const bad of [
        'localhost',
        'http://example.com',
        'a b.com',
        'example..com',
        '-x.com',
        'x@y.com',
        '1.2.3.4',
        '',
      ]) {
        const refused = await put({ blockedEmailDomains: ['fine.example', bad] });
        expect(refused.status, bad).toBe(422);
        expect(refused.body.error.code).toBe('invalid_request');
      }
      expect((await put({ allowedEmailDomains: 'example.com' })).status).toBe(400);
      expect((await api('GET', '/api/admin/registration')).body.blockedEmailDomains).toEqual([
        'kept.example',
      ]);
    });

    it('lets only allowed domains and their subdomains start', async () => {
      const { put, start } = await adminOf();
      await put({ allowedEmailDomains: ['example.com'] });
      expect((await start(unique('example.com'))).status).toBe(202);
      expect((await start(unique('Sales.EXAMPLE.com'))).status).toBe(202);
      for (const domain of ['notexample.com', 'example.com.evil.test', 'example.org']) {
        const refused = await start(unique(domain));
        expect(refused.status, domain).toBe(422);
        expect(refused.body.error.code).toBe('email_domain_not_allowed');
      }
    });

    it('refuses blocked domains and their subdomains', async () => {
      const { put, start } = await adminOf();
      await put({ blockedEmailDomains: ['rival.example'] });
      expect((await start(unique('rival.example'))).body.error.code).toBe('email_domain_not_allowed');
      expect((await start(unique('eu.rival.example'))).status).toBe(422);
      expect((await start(unique('friend.example'))).status).toBe(202);
    });

    it('blocks disposable addresses by default, and lets them through when switched off', async () => {
      const { put, start } = await adminOf();
      const refused = await start(unique('mailinator.com'));
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('email_domain_not_allowed');
      expect((await put({ blockDisposableEmails: false })).body.blockDisposableEmails).toBe(false);
      expect((await start(unique('mailinator.com'))).status).toBe(202);
    });

    it('answers an address that already has an account exactly like any other refused one', async () => {
      const { put, start, workdomain } = await adminOf();
      const member = await createInternalUser(h.db, h.deps.hasher, {
        workdomainId: workdomain.id,
        email: unique('old.example'),
        name: 'Old Member',
        password: 'member-pass-123',
        role: 'member',
      });
      await put({ allowedEmailDomains: ['new.example'] });
      const holder = await start(member.email);
      const stranger = await start(unique('old.example'));
      expect(holder.status).toBe(422);
      expect(holder.body).toEqual(stranger.body);
    });
  });

  describe('allowed origins', () => {
    it('validates and normalises origins', async () => {
      const { put } = await adminOf();
      const saved = await put({
        allowedOrigins: [
          'HTTPS://Shop.Example.com',
          'https://shop.example.com:443/',
          'http://localhost:3000',
        ],
      });
      expect(saved.status).toBe(200);
      expect(saved.body.allowedOrigins).toEqual(['https://shop.example.com', 'http://localhost:3000']);
      for (const bad of [
        'shop.example.com',
        'https://shop.example.com/path',
        'ftp://x.example',
        'https://u:p@x.example',
        'https://x.example?a=1',
        '*',
      ]) {
        const refused = await put({ allowedOrigins: [bad] });
        expect(refused.status, bad).toBe(422);
        expect(refused.body.error.code).toBe('invalid_request');
      }
    });

    it('answers any page while the list is empty', async () => {
      const { linkId } = await adminOf();
      const info = await h.request('GET', `/api/registrations/${linkId}`, undefined, {
        origin: 'https://any.example',
      });
      expect(info.status).toBe(200);
      expect(info.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('with a list: its origins and the service itself, anything without Origin; others get 403', async () => {
      const { put, start, linkId } = await adminOf();
      await put({ allowedOrigins: ['https://shop.example.com'] });
      const infoFrom = (origin?: string) =>
        h.request('GET', `/api/registrations/${linkId}`, undefined, origin ? { origin } : {});

      const allowed = await infoFrom('https://shop.example.com');
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
      expect(allowed.headers.get('vary')).toContain('Origin');

      const own = await infoFrom(PUBLIC_URL);
      expect(own.status).toBe(200);
      expect(own.headers.get('access-control-allow-origin')).toBe(PUBLIC_URL);

      const none = await infoFrom();
      expect(none.status).toBe(200);

      for (const other of [
        'https://evil.example',
        'http://shop.example.com',
        'https://shop.example.com:8443',
      ]) {
        const refused = await infoFrom(other);
        expect(refused.status, other).toBe(403);
        expect(refused.body.error.code).toBe('origin_not_allowed');
        // Readable by the widget, so it can tell the page's owner why (refused-origins.test.ts).
        expect(refused.headers.get('access-control-allow-origin')).toBe(other);
      }

      const startedElsewhere = await start(unique('example.com'), {}, { origin: 'https://evil.example' });
      expect(startedElsewhere.status).toBe(403);
      expect(startedElsewhere.body.error.code).toBe('origin_not_allowed');
      expect((await start(unique('example.com'), {}, { origin: 'https://shop.example.com' })).status).toBe(
        202,
      );

      const preflight = (origin: string) =>
        h.request('OPTIONS', `/api/registrations/${linkId}/start`, undefined, {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        });
      const okPreflight = await preflight('https://shop.example.com');
      expect(okPreflight.status).toBe(204);
      expect(okPreflight.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
      expect(okPreflight.headers.get('access-control-allow-methods')).toContain('POST');
      const badPreflight = await preflight('https://evil.example');
      expect(badPreflight.status).toBe(403);
      expect(badPreflight.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('an unknown link answers 404 to any origin, readable by the page', async () => {
      const unknown = await h.request('GET', '/api/registrations/nope', undefined, {
        origin: 'https://x.example',
      });
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('access-control-allow-origin')).toBe('*');
    });
  });

  describe('bot protection', () => {
    const challengeOf = async (linkId: string) => {
      const answer = await h.request('GET', `/api/registrations/${linkId}/challenge`);
      expect(answer.status).toBe(200);
      return answer.body;
    };

    it('is off by default; the link info says whether start needs a proof of work', async () => {
      const { api, put, linkId, start } = await adminOf();
      expect((await api('GET', '/api/admin/registration')).body.botProtection).toBe(false);
      expect((await h.request('GET', `/api/registrations/${linkId}`)).body.challenge).toBe(false);
      expect((await start(unique('example.com'))).status).toBe(202);
      expect((await put({ botProtection: true })).body.botProtection).toBe(true);
      expect((await h.request('GET', `/api/registrations/${linkId}`)).body.challenge).toBe(true);
      const actions = (await api('GET', '/api/admin/audit')).body.entries.map(
        (e: { action: string }) => e.action,
      );
      expect(actions).toContain('bot_protection_changed');
    });

    it('serves ALTCHA v1 challenges that expire within 10 minutes', async () => {
      const { linkId } = await adminOf();
      const challenge = await challengeOf(linkId);
      expect(Object.keys(challenge).sort()).toEqual([
        'algorithm',
        'challenge',
        'maxnumber',
        'salt',
        'signature',
      ]);
      expect(challenge.algorithm).toBe('SHA-256');
      const expires = Number(new URLSearchParams(challenge.salt.split('?')[1]).get('expires'));
      expect(expires * 1000).toBeGreaterThan(Date.now());
      expect(expires * 1000).toBeLessThanOrEqual(Date.now() + 10 * 60_000 + 1000);
      expect((await h.request('GET', '/api/registrations/nope/challenge')).status).toBe(404);
    });

    it('needs a valid, unexpired, unused solution when on', async () => {
      const { put, start, linkId } = await adminOf();
      await put({ botProtection: true });
      const failed = async (altcha?: unknown) => {
        const answer = await start(unique('example.com'), altcha === undefined ? {} : { altcha });
        expect(answer.status).toBe(403);
        expect(answer.body.error.code).toBe('challenge_failed');
      };
      await failed();
      await failed('not base64 json');

      const challenge = await challengeOf(linkId);
      const altcha = solve(challenge);
      const payload = JSON.parse(Buffer.from(altcha, 'base64').toString());
      await failed(
        Buffer.from(JSON.stringify({ ...payload, number: payload.number + 1 })).toString('base64'),
      );
      await failed(Buffer.from(JSON.stringify({ ...payload, signature: '0'.repeat(64) })).toString('base64'));

      expect((await start(unique('example.com'), { altcha })).status).toBe(202);
      await failed(altcha);

      const key = challengeKey(h.deps.keys.codeKey);
      const expired = await newChallenge(key, new Date(Date.now() - 1000));
      await failed(solve(expired));
      const foreign = await newChallenge('another key');
      await failed(solve(foreign));
    });

    it('lets one of many concurrent uses of one solution through', async () => {
      const { put, start, linkId } = await adminOf();
      await put({ botProtection: true });
      const altcha = solve(await challengeOf(linkId));
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => start(unique('example.com'), { altcha })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([202, 403, 403, 403, 403, 403, 403, 403]);
    });
  });

  describe('funnel', () => {
    it('counts a view only when asked, notices apart from codes, and each link apart', async () => {
      const { api, linkId, start, workdomain } = await adminOf();
      await h.request('GET', `/api/registrations/${linkId}`);
      await h.request('GET', `/api/registrations/${linkId}?view=1`);
      expect((await h.request('GET', `/api/registrations/${linkId}?view=2`)).status).toBe(400);
      const member = await createInternalUser(h.db, h.deps.hasher, {
        workdomainId: workdomain.id,
        email: unique('example.com'),
        name: 'Old Member',
        password: 'member-pass-123',
        role: 'member',
      });
      const former = await createInternalUser(h.db, h.deps.hasher, {
        workdomainId: workdomain.id,
        email: unique('example.com'),
        name: 'Former Member',
        password: 'member-pass-123',
        role: 'member',
      });
      await h.db.update(users).set({ status: 'inactive' }).where(eq(users.id, former.id));
      expect((await start(member.email)).status).toBe(202);
      expect((await start(former.email)).status).toBe(202);
      expect((await start(unique('example.com'))).status).toBe(202);

      const newLink = (await api('POST', '/api/admin/registration/regenerate-link')).body.linkId;
      await h.request('GET', `/api/registrations/${newLink}?view=1`);
      await h.request('GET', `/api/registrations/${newLink}?view=1`);

      const funnel = (await api('GET', '/api/admin/funnel')).body;
      expect(funnel.last7Days).toMatchObject({
        linkViews: 3,
        codesSent: 1,
        signInCodesSent: 1,
        noticesSent: 1,
        accountsCreated: 0,
      });
      expect(funnel.last30Days).toEqual(funnel.last7Days);
      expect(funnel.byLink.map((l: { linkId: string }) => l.linkId)).toEqual([newLink, linkId]);
      expect(funnel.byLink[0].last7Days).toMatchObject({ linkViews: 2, codesSent: 0 });
      expect(funnel.byLink[1].last7Days).toMatchObject({
        linkViews: 1,
        codesSent: 1,
        signInCodesSent: 1,
        noticesSent: 1,
      });
    });

    it('counts concurrent views without losing any', async () => {
      const { api, linkId } = await adminOf();
      await Promise.all(
        Array.from({ length: 12 }, () => h.request('GET', `/api/registrations/${linkId}?view=1`)),
      );
      expect((await api('GET', '/api/admin/funnel')).body.last7Days.linkViews).toBe(12);
    });
  });
});
