import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/accounts/sessions.ts';
import { refusedOrigins } from '../../server/db/schema/index.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

describe.each(backends)('refused web sites (%s)', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  async function adminOf(allowedOrigins: string[] = ['https://shop.example.com']) {
    const seeded = await h.seedWorkdomain();
    const { sessionToken } = await createSession(h.db, seeded.admin.id);
    const auth = { authorization: `Bearer ${sessionToken}` };
    const settings = async () => (await h.request('GET', '/api/admin/registration', undefined, auth)).body;
    const put = (change: Record<string, unknown>) =>
      h.request('PUT', '/api/admin/registration', change, auth);
    expect((await put({ allowedOrigins })).status).toBe(200);
    const info = (origin: string) =>
      h.request('GET', `/api/registrations/${seeded.linkId}`, undefined, { origin });
    return { ...seeded, settings, put, info };
  }

  it('the link-info refusal is readable cross-origin; every other route refuses without CORS headers', async () => {
    const { linkId, info } = await adminOf();
    const refused = await info('https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('origin_not_allowed');
    expect(refused.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(refused.headers.get('vary')).toContain('Origin');
    expect(refused.headers.get('access-control-allow-credentials')).toBeNull();

    const origin = { origin: 'https://evil.example' };
    const others = [
      await h.request('GET', `/api/registrations/${linkId}?view=1`, undefined, origin),
      await h.request('GET', `/api/registrations/${linkId}/challenge`, undefined, origin),
      await h.request(
        'POST',
        `/api/registrations/${linkId}/start`,
        { name: 'A', email: 'a@example.com' },
        origin,
      ),
      await h.request(
        'POST',
        `/api/registrations/${linkId}/resend`,
        { registrationId: crypto.randomUUID() },
        origin,
      ),
      await h.request(
        'POST',
        `/api/registrations/${linkId}/verify`,
        { registrationId: crypto.randomUUID(), code: '123456' },
        origin,
      ),
      await h.request('OPTIONS', `/api/registrations/${linkId}/start`, undefined, {
        ...origin,
        'access-control-request-method': 'POST',
      }),
    ];
    for (const answer of others.slice(1)) {
      expect(answer.status).toBe(403);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    }
    // The query string does not make it another route: link info with ?view=1 is readable too.
    expect(others[0]!.headers.get('access-control-allow-origin')).toBe('https://evil.example');
  });

  it('remembers refused origins for the admin, latest first, and drops the ones allowed since', async () => {
    const { settings, put, info } = await adminOf();
    expect((await settings()).refusedOrigins).toEqual([]);
    await info('https://evil.example');
    await info('https://blog.example.org');
    // Allowed and own origins are not refusals.
    await info('https://shop.example.com');
    const shown = (await settings()).refusedOrigins as { origin: string; at: string }[];
    expect(shown.map((entry) => entry.origin)).toEqual(['https://blog.example.org', 'https://evil.example']);
    expect(Date.now() - Date.parse(shown[0]!.at)).toBeLessThan(60_000);

    await put({ allowedOrigins: ['https://shop.example.com', 'https://blog.example.org'] });
    expect((await settings()).refusedOrigins.map((entry: { origin: string }) => entry.origin)).toEqual([
      'https://evil.example',
    ]);
    // With no list every site may show the form: nothing is refused, so nothing is listed.
    await put({ allowedOrigins: [] });
    expect((await settings()).refusedOrigins).toEqual([]);
  });

  it('keeps the last 10 distinct origins and writes a repeated one at most once a minute', async () => {
    const { workdomain, settings, info } = await adminOf();
    for (let i = 1; i <= 12; i++) {
      await info(`https://site-${i}.example`);
      // Distinct times, so "latest" is well defined.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const rows = () =>
      h.db.select().from(refusedOrigins).where(eq(refusedOrigins.workdomainId, workdomain.id));
    expect(await rows()).toHaveLength(10);
    const listed = (await settings()).refusedOrigins.map((entry: { origin: string }) => entry.origin);
    expect(listed).toEqual(Array.from({ length: 10 }, (_, i) => `https://site-${12 - i}.example`));

    // A storm from one refused site: the first refusal's time stands, no write per request.
    const before = (await rows()).find((row) => row.origin === 'https://site-12.example')!.lastRefusedAt;
    await Promise.all(Array.from({ length: 20 }, () => info('https://site-12.example')));
    const after = (await rows()).find((row) => row.origin === 'https://site-12.example')!.lastRefusedAt;
    expect(after.getTime()).toBe(before.getTime());

    // After a minute, a new refusal moves it up again.
    await h.db
      .update(refusedOrigins)
      .set({ lastRefusedAt: sql`now() - interval '2 minutes'` })
      .where(eq(refusedOrigins.origin, 'https://site-3.example'));
    await info('https://site-3.example');
    expect((await settings()).refusedOrigins[0].origin).toBe('https://site-3.example');
  });

  it('documents refusedOrigins in the OpenAPI schema of the registration settings', async () => {
    const spec = (await h.request('GET', '/openapi.json')).body;
    const schema = spec.components.schemas.RegistrationSettings;
    expect(schema.properties.refusedOrigins.items.properties).toHaveProperty('origin');
    expect(schema.properties.refusedOrigins.items.properties).toHaveProperty('at');
    expect(schema.required).toContain('refusedOrigins');
  });

  it('does not record an Origin that is not a web origin', async () => {
    const { workdomain, info } = await adminOf();
    expect((await info('null')).status).toBe(403);
    expect((await info(`https://${'x'.repeat(400)}.example`)).status).toBe(403);
    const rows = await h.db
      .select()
      .from(refusedOrigins)
      .where(eq(refusedOrigins.workdomainId, workdomain.id));
    expect(rows).toEqual([]);
  });
});
