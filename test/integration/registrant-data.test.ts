import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consents, registrations, users, webhookDeliveries } from '../../server/db/schema/index.ts';
import { bearer, login } from '../helpers/accounts.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

const fields = [
  { key: 'company', label: { en: 'Company', ja: '会社名' }, type: 'text', required: true },
  {
    key: 'heard_from',
    label: { en: 'How did you hear of us?', ja: 'きっかけ' },
    type: 'select',
    required: false,
    options: ['Friend', 'Search'],
  },
  { key: 'newsletter_ok', label: { en: 'Visit us' }, type: 'checkbox', required: false },
];

const privacy = {
  privacyPolicyUrl: 'https://example.com/privacy',
  termsUrl: 'https://example.com/terms',
  consentRequired: true,
  marketingOptIn: true,
  fields,
};

describe.each(backends)("the registrant's data (notice, consent, questions) on %s", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend, env: { WEBHOOK_ALLOW_PRIVATE: '1' } });
  });
  afterAll(() => h?.close());

  let counter = 0;
  const email = (who: string) => `${who}.${++counter}.${Date.now().toString(36)}@example.com`;

  async function adminOf(settings: Record<string, unknown> = privacy) {
    const seeded = await h.seedWorkdomain();
    const session = (await login(h, seeded.workdomain.slug, seeded.admin.email, seeded.adminPassword)).body
      .sessionToken as string;
    const api = (method: string, url: string, body?: unknown) =>
      h.request(method, url, body, bearer(session));
    const put = (body: unknown) => api('PUT', '/api/admin/registration', body);
    if (Object.keys(settings).length > 0) expect((await put(settings)).status).toBe(200);
    return { ...seeded, session, api, put };
  }

  const start = (linkId: string, body: Record<string, unknown>, origin?: string) =>
    h.request('POST', `/api/registrations/${linkId}/start`, body, origin ? { origin } : {});

  async function verify(linkId: string, registrationId: string, address: string) {
    return h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId,
      code: codeIn(await h.smtp.waitFor(address)),
    });
  }

  it('keeps the settings, shows them in link info, and defaults to none of them', async () => {
    const { linkId, api, put } = await adminOf({});
    const before = (await api('GET', '/api/admin/registration')).body;
    expect(before).toMatchObject({
      privacyPolicyUrl: null,
      termsUrl: null,
      consentRequired: false,
      policyVersion: '1',
      marketingOptIn: false,
      fields: [],
    });
    const set = await put({ ...privacy, policyVersion: '2026-12' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ ...privacy, policyVersion: '2026-12' });
    const info = await h.request('GET', `/api/registrations/${linkId}`);
    expect(info.body).toMatchObject({ ...privacy, policyVersion: '2026-12' });
    // Clearing a URL while the other one stays keeps consent possible.
    expect((await put({ termsUrl: null })).body.termsUrl).toBeNull();
    expect((await put({ privacyPolicyUrl: 'http://localhost:3000/privacy' })).status).toBe(200);
  });

  it('refuses malformed settings with 422 invalid_request and changes nothing', async () => {
    const { put, api } = await adminOf({});
    const field = (change: Record<string, unknown>) => ({ fields: [{ ...fields[1], ...change }] });
    const malformed = [
      { privacyPolicyUrl: 'http://example.com/privacy' },
      { termsUrl: 'not a url' },
      { termsUrl: 42 },
      { consentRequired: true },
      { policyVersion: '' },
      { policyVersion: 'x'.repeat(41) },
      { fields: 'company' },
      { fields: [...fields, ...fields].map((f, i) => ({ ...f, key: `k${i}` })) },
      field({ key: 'Company' }),
      field({ key: '1st' }),
      { fields: [fields[0], fields[0]] },
      field({ type: 'radio' }),
      field({ label: {} }),
      field({ label: { fr: 'Société' } }),
      field({ options: [] }),
      field({ options: ['x'.repeat(61)] }),
      field({ options: Array.from({ length: 21 }, (_, i) => `o${i}`) }),
      { fields: [{ ...fields[0], options: ['a'] }] },
      field({ hint: 'extra' }),
    ];
    for (const change of malformed) {
      const refused = await put(change);
      expect(refused.status, JSON.stringify(change)).toBe(422);
      expect(refused.body.error.code).toBe('invalid_request');
    }
    expect((await api('GET', '/api/admin/registration')).body.fields).toEqual([]);
  });

  it('refuses a start without consent or with a wrong answer before anything is sent', async () => {
    const { linkId, pic } = await adminOf();
    const good = { name: 'Mei', consent: true, fields: { company: 'Acme' } };
    const refusals: [Record<string, unknown>, string, string | undefined][] = [
      [{ consent: undefined }, 'consent_required', 'consent'],
      [{ consent: false }, 'consent_required', 'consent'],
      [{ fields: {} }, 'invalid_field', 'company'],
      [{ fields: { company: '  ' } }, 'invalid_field', 'company'],
      [{ fields: { company: 'x'.repeat(201) } }, 'invalid_field', 'company'],
      [{ fields: { company: 'Acme', age: '40' } }, 'invalid_field', 'age'],
      [{ fields: { company: 'Acme', heard_from: 'Radio' } }, 'invalid_field', 'heard_from'],
      [{ fields: { company: 'Acme', newsletter_ok: 'yes' } }, 'invalid_field', 'newsletter_ok'],
      [{ fields: { company: true } }, 'invalid_field', 'company'],
    ];
    // The PIC's own address too: the answer never depends on whether an account exists.
    for (const address of [email('refused'), pic.email]) {
      for (const [change, code, key] of refusals) {
        const refused = await start(linkId, { ...good, email: address, ...change });
        expect(refused.status, JSON.stringify(change)).toBe(422);
        expect(refused.body.error.code).toBe(code);
        expect(refused.body.error.details?.field).toBe(key);
      }
      const rows = await h.db
        .select({ id: registrations.id })
        .from(registrations)
        .where(eq(registrations.emailCanonical, address.toLowerCase()));
      expect(rows).toEqual([]);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.smtp.all(pic.email)).toEqual([]);
  });

  it('gives a new account its answers and choices: ledger, users list, webhook, system line and mail', async () => {
    const { linkId, api, pic, workdomain } = await adminOf();
    const hook = await api('POST', '/api/admin/webhooks', { url: 'http://127.0.0.1:9/hook' });
    expect(hook.status).toBe(201);
    // The PIC reads Japanese.
    const picSession = (await login(h, workdomain.slug, pic.email, 'pic-pass-12345')).body.sessionToken;
    await h.request('PUT', '/api/me/lang', { lang: 'ja' }, bearer(picSession));

    const address = email('mei');
    const answers = { company: 'Acme KK', heard_from: 'Friend', newsletter_ok: true };
    const started = await start(
      linkId,
      { name: 'Mei', email: address, lang: 'ja', consent: true, marketing: true, fields: answers },
      'https://shop.example.com',
    );
    expect(started.status).toBe(202);
    const verified = await verify(linkId, started.body.registrationId, address);
    expect(verified.status).toBe(201);
    const userId = verified.body.user.id as string;

    const ledger = await h.db.select().from(consents).where(eq(consents.userId, userId));
    expect(
      ledger
        .map(({ kind, granted, version, lang, linkId: via, origin }) => ({
          kind,
          granted,
          version,
          lang,
          via,
          origin,
        }))
        .sort((a, b) => a.kind.localeCompare(b.kind)),
    ).toEqual([
      {
        kind: 'marketing',
        granted: true,
        version: '1',
        lang: 'ja',
        via: linkId,
        origin: 'https://shop.example.com',
      },
      {
        kind: 'terms',
        granted: true,
        version: '1',
        lang: 'ja',
        via: linkId,
        origin: 'https://shop.example.com',
      },
    ]);

    const listed = (await api('GET', '/api/admin/users')).body.users.find(
      (u: { id: string }) => u.id === userId,
    );
    expect(listed).toMatchObject({ fields: answers, marketing: true, consentVersion: '1' });
    const others = (await api('GET', '/api/admin/users')).body.users.find(
      (u: { id: string }) => u.id === pic.id,
    );
    expect(others).toMatchObject({ fields: {}, marketing: false, consentVersion: null });

    const [delivery] = await h.db
      .select({ body: webhookDeliveries.body })
      .from(webhookDeliveries)
      .where(
        sql`${webhookDeliveries.eventType} = 'user.registered' and ${webhookDeliveries.body} like ${`%${userId}%`}`,
      );
    const data = JSON.parse(delivery!.body).data;
    expect(data.fields).toEqual(answers);
    expect(
      data.consents.map(({ kind, granted, version }: Record<string, unknown>) => ({
        kind,
        granted,
        version,
      })),
    ).toEqual([
      { kind: 'terms', granted: true, version: '1' },
      { kind: 'marketing', granted: true, version: '1' },
    ]);
    expect(Date.parse(data.consents[0].at)).toBeGreaterThan(0);

    const [conversation] = (await h.request('GET', '/api/conversations', undefined, bearer(picSession))).body
      .conversations;
    const { messages } = (
      await h.request('GET', `/api/conversations/${conversation.id}/messages`, undefined, bearer(picSession))
    ).body;
    const joined = messages.find((m: { senderId: string | null }) => m.senderId === null).body as string;
    expect(joined.split('\n').slice(1)).toEqual(['会社名: Acme KK', 'きっかけ: Friend', 'Visit us: はい']);

    const notice = await h.smtp.waitFor(pic.email);
    expect(notice.text).toContain('会社名: Acme KK');
    expect(notice.text).toContain('きっかけ: Friend');
  });

  it('records a returning member’s new consent and answers, and asks members again for a new version', async () => {
    const { linkId, put, api } = await adminOf();
    const address = email('member');
    const first = await start(linkId, {
      name: 'Ann',
      email: address,
      consent: true,
      marketing: true,
      fields: { company: 'Old Co', heard_from: 'Search' },
    });
    const created = await verify(linkId, first.body.registrationId, address);
    expect(created.status).toBe(201);
    const userId = created.body.user.id as string;
    const member = bearer(
      (await h.request('POST', '/api/auth/exchange', { token: created.body.loginToken })).body.sessionToken,
    );
    expect((await h.request('GET', '/api/me', undefined, member)).body.consentNeeded).toBeNull();

    expect((await put({ policyVersion: '2' })).status).toBe(200);
    expect((await h.request('GET', '/api/me', undefined, member)).body.consentNeeded).toEqual({
      version: '2',
      termsUrl: privacy.termsUrl,
      privacyPolicyUrl: privacy.privacyPolicyUrl,
    });
    const stale = await h.request('POST', '/api/me/consent', { version: '1' }, member);
    expect(stale.status).toBe(422);
    expect(stale.body.error.code).toBe('invalid_request');
    expect((await h.request('POST', '/api/me/consent', { version: '2' }, member)).status).toBe(204);
    expect((await h.request('GET', '/api/me', undefined, member)).body.consentNeeded).toBeNull();

    // Signing in again through the form: a new agreement, a new marketing choice, new answers.
    expect((await put({ policyVersion: '3' })).status).toBe(200);
    const mailsBefore = h.smtp.all(address).length;
    const again = await start(linkId, {
      name: 'Ann',
      email: address,
      consent: true,
      marketing: false,
      fields: { company: 'New Co' },
    });
    const signInMail = await h.smtp.waitFor(
      address,
      (mail) => h.smtp.all(address).indexOf(mail) >= mailsBefore,
    );
    const signedIn = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId: again.body.registrationId,
      code: codeIn(signInMail),
    });
    expect(signedIn.status).toBe(200);
    const listed = (await api('GET', '/api/admin/users')).body.users.find(
      (u: { id: string }) => u.id === userId,
    );
    expect(listed).toMatchObject({
      fields: { company: 'New Co', heard_from: 'Search' },
      marketing: false,
      consentVersion: '3',
    });
    const ledger = await h.db
      .select({ kind: consents.kind, granted: consents.granted, version: consents.version })
      .from(consents)
      .where(eq(consents.userId, userId))
      .orderBy(consents.at, consents.kind);
    expect(ledger).toEqual([
      { kind: 'marketing', granted: true, version: '1' },
      { kind: 'terms', granted: true, version: '1' },
      { kind: 'terms', granted: true, version: '2' },
      { kind: 'marketing', granted: false, version: '3' },
      { kind: 'terms', granted: true, version: '3' },
    ]);
    await expect(
      h.db.update(consents).set({ granted: false }).where(eq(consents.userId, userId)),
    ).rejects.toThrow();
    const [row] = await h.db
      .select({ consentVersion: users.consentVersion })
      .from(users)
      .where(eq(users.id, userId));
    expect(row?.consentVersion).toBe('3');
  });
});
