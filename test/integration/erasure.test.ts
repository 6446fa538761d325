import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verbs } from '../../server/cli/verbs.ts';
import { auditLog, webhookDeliveries } from '../../server/db/schema/index.ts';
import { bearer, login } from '../helpers/accounts.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

/** Rows of a raw query: an array from one driver, `{ rows }` from the other. */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);

describe.each(backends)("a person's data: export and erasure on %s", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend, env: { WEBHOOK_ALLOW_PRIVATE: '1' } });
  });
  afterAll(() => h?.close());

  let counter = 0;
  const unique = () => `${++counter}${Date.now().toString(36)}`;

  async function adminOf() {
    const seeded = await h.seedWorkdomain();
    const session = (await login(h, seeded.workdomain.slug, seeded.admin.email, seeded.adminPassword)).body
      .sessionToken as string;
    const api = (method: string, url: string, body?: unknown) =>
      h.request(method, url, body, bearer(session));
    expect(
      (
        await api('PUT', '/api/admin/registration', {
          privacyPolicyUrl: 'https://example.com/privacy',
          consentRequired: true,
          marketingOptIn: true,
          message: 'optional',
          fields: [{ key: 'company', label: { en: 'Company' }, type: 'text', required: false }],
        })
      ).status,
    ).toBe(200);
    const picSession = bearer(
      (await login(h, seeded.workdomain.slug, seeded.pic.email, 'pic-pass-12345')).body.sessionToken,
    );
    return { ...seeded, api, picSession };
  }

  /** A registrant with answers, consents and a first message, whom the PIC answered. */
  async function registrant(
    linkId: string,
    picSession: Record<string, string>,
    name = `Zed Quill ${unique()}`,
  ) {
    const email = `erasable.${unique()}@example.com`;
    const started = await h.request(
      'POST',
      `/api/registrations/${linkId}/start`,
      {
        name,
        email,
        consent: true,
        marketing: true,
        fields: { company: `Quillworks ${name}` },
        message: `Hi, I am ${name}`,
      },
      { origin: 'https://shop.example.com' },
    );
    expect(started.status).toBe(202);
    const verified = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId: started.body.registrationId,
      code: codeIn(await h.smtp.waitFor(email)),
    });
    expect(verified.status).toBe(201);
    const session = bearer(
      (await h.request('POST', '/api/auth/exchange', { token: verified.body.loginToken })).body.sessionToken,
    );
    const [conversation] = (
      await h.request('GET', '/api/conversations', undefined, picSession)
    ).body.conversations.filter((c: { with: { id: string } }) => c.with.id === verified.body.user.id);
    await h.request(
      'POST',
      `/api/conversations/${conversation.id}/messages`,
      { body: `Hello ${name}` },
      picSession,
    );
    return {
      id: verified.body.user.id as string,
      name,
      email,
      session,
      conversationId: conversation.id as string,
    };
  }

  it('exports everything about a person as a download, and only to their own workdomain', async () => {
    const { linkId, api, picSession, pic } = await adminOf();
    const person = await registrant(linkId, picSession);
    const exported = await api('GET', `/api/admin/users/${person.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.json"$/);
    expect(exported.body.user).toEqual({
      id: person.id,
      name: person.name,
      email: person.email,
      kind: 'external',
      status: 'active',
      lang: 'en',
      createdAt: expect.any(String),
      fields: { company: `Quillworks ${person.name}` },
      registeredVia: { linkId, label: 'default' },
    });
    expect(exported.body.consents).toEqual([
      {
        kind: 'terms',
        granted: true,
        version: '1',
        lang: 'en',
        linkId,
        origin: 'https://shop.example.com',
        at: expect.any(String),
      },
      {
        kind: 'marketing',
        granted: true,
        version: '1',
        lang: 'en',
        linkId,
        origin: 'https://shop.example.com',
        at: expect.any(String),
      },
    ]);
    expect(exported.body.registrations).toEqual([
      { id: expect.any(String), state: 'completed', linkId, createdAt: expect.any(String) },
    ]);
    const bodies = exported.body.messages.map((m: { senderId: string | null; body: string }) => [
      m.senderId,
      m.body,
    ]);
    expect(bodies).toContainEqual([person.id, `Hi, I am ${person.name}`]);
    expect(bodies).toContainEqual([pic.id, `Hello ${person.name}`]);

    const cli = await verbs['user export']!.run({
      db: h.db,
      options: { workdomain: (await adminOf()).workdomain.slug, email: person.email },
      password: '',
      publicUrl: h.baseUrl,
    }).catch((error: Error) => error);
    expect(cli).toBeInstanceOf(Error); // another workdomain's slug does not find them

    const other = await adminOf();
    const refused = await other.api('GET', `/api/admin/users/${person.id}/export`);
    expect(refused.status).toBe(404);
    expect((await other.api('DELETE', `/api/admin/users/${person.id}`)).status).toBe(404);
  });

  it('erases one person in one go: seat freed, audit with the id only, user.deleted, the address new again', async () => {
    const { linkId, api, picSession, pic, admin } = await adminOf();
    expect((await api('POST', '/api/admin/webhooks', { url: 'http://127.0.0.1:9/hook' })).status).toBe(201);
    const person = await registrant(linkId, picSession);
    const seats = async () => (await api('GET', '/api/admin/registration')).body.capacity.used as number;
    expect(await seats()).toBe(1);

    for (const id of [pic.id, admin.id]) {
      const refused = await api('DELETE', `/api/admin/users/${id}`);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('conflict');
    }
    expect((await api('DELETE', `/api/admin/users/${crypto.randomUUID()}`)).status).toBe(404);

    expect((await api('DELETE', `/api/admin/users/${person.id}`)).status).toBe(204);
    expect(await seats()).toBe(0);
    expect((await h.request('GET', '/api/me', undefined, person.session)).status).toBe(401);
    expect((await api('GET', `/api/admin/users/${person.id}/export`)).status).toBe(404);
    const [audit] = await h.db
      .select({ actor: auditLog.actor, details: auditLog.details })
      .from(auditLog)
      .where(sql`${auditLog.action} = 'user_erased' and ${auditLog.details}->>'userId' = ${person.id}`);
    expect(audit).toEqual({ actor: 'admin', details: { userId: person.id } });
    const deleted = await h.db
      .select({ body: webhookDeliveries.body })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.eventType, 'user.deleted'));
    expect(deleted.map((d) => JSON.parse(d.body).data.user)).toContainEqual({ id: person.id });

    // The same address registers again as a new person, taking the seat again.
    const mailsBefore = h.smtp.all(person.email).length;
    const again = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: person.name,
      email: person.email,
      consent: true,
    });
    expect(again.status).toBe(202);
    const mail = await h.smtp.waitFor(
      person.email,
      (m) => h.smtp.all(person.email).indexOf(m) >= mailsBefore,
    );
    const verified = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId: again.body.registrationId,
      code: codeIn(mail),
    });
    expect(verified.status).toBe(201);
    expect(verified.body.user.id).not.toBe(person.id);
    expect(await seats()).toBe(1);
  });

  it('leaves nothing of the erased person in any table', async () => {
    const { linkId, api, picSession, workdomain } = await adminOf();
    expect((await api('POST', '/api/admin/webhooks', { url: 'http://127.0.0.1:9/hook' })).status).toBe(201);
    const person = await registrant(linkId, picSession);
    // More traces: deactivated and back (audit entries), a sign-in code asked for (counters, mail).
    expect((await api('POST', `/api/admin/users/${person.id}/deactivate`)).status).toBe(200);
    expect((await api('POST', `/api/admin/users/${person.id}/reactivate`)).status).toBe(200);
    await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: person.name,
      email: person.email,
      consent: true,
    });
    await h.request('POST', '/api/auth/sign-in/start', { email: person.email }).catch(() => undefined);

    const tables = async () =>
      rowsOf<{ table_name: string }>(
        await h.db.execute(
          sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
        ),
      ).map((row) => row.table_name);
    const holding = async (needle: string) => {
      const found: string[] = [];
      for (const table of await tables()) {
        const result = await h.db.execute(
          sql`select count(*)::int as n from ${sql.identifier(table)} as t where lower(t::text) like ${`%${needle.toLowerCase()}%`}`,
        );
        if (Number(rowsOf<{ n: number }>(result)[0]!.n) > 0) found.push(table);
      }
      return found.sort();
    };
    // The search finds the person before, so its silence afterwards means something.
    expect(await holding(person.email)).toEqual(
      expect.arrayContaining(['users', 'registrations', 'email_outbox']),
    );
    expect(await holding(person.name)).toEqual(
      expect.arrayContaining(['users', 'messages', 'webhook_deliveries']),
    );

    // The codes of their registrations name no one, so the text search cannot see them: by id.
    const theirRegistrations = rowsOf<{ id: string }>(
      await h.db.execute(
        sql`select id from registrations where email_canonical = ${person.email.toLowerCase()}`,
      ),
    ).map((row) => row.id);
    const codesOf = async () =>
      rowsOf<{ n: number }>(
        await h.db.execute(
          sql`select count(*)::int as n from verification_codes where subject_id::text in (${sql.join(
            theirRegistrations.map((id) => sql`${id}`),
            sql`, `,
          )})`,
        ),
      )[0]!.n;
    expect(Number(await codesOf())).toBeGreaterThan(0);

    const erased = await verbs['user erase']!.run({
      db: h.db,
      options: { workdomain: workdomain.slug, email: person.email },
      password: '',
      publicUrl: h.baseUrl,
    });
    expect(erased).toEqual({ id: person.id, erased: true });
    expect(await holding(person.email)).toEqual([]);
    expect(await holding(person.name)).toEqual([]);
    expect(Number(await codesOf())).toBe(0);
    expect(await holding(person.id)).toEqual(['audit_log', 'webhook_deliveries']);
  });

  it('lets an external user delete their own account, confirmed with its address', async () => {
    const { linkId, picSession, admin, adminPassword, workdomain } = await adminOf();
    const person = await registrant(linkId, picSession);
    const wrong = await h.request('DELETE', '/api/me', { confirm: 'someone@example.com' }, person.session);
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('invalid_request');
    const adminSession = bearer(
      (await login(h, workdomain.slug, admin.email, adminPassword)).body.sessionToken,
    );
    const internal = await h.request('DELETE', '/api/me', { confirm: admin.email }, adminSession);
    expect(internal.status).toBe(403);
    expect(internal.body.error.code).toBe('forbidden');
    expect(
      (await h.request('DELETE', '/api/me', { confirm: person.email.toUpperCase() }, person.session)).status,
    ).toBe(204);
    expect((await h.request('GET', '/api/me', undefined, person.session)).status).toBe(401);
    expect((await login(h, workdomain.slug, person.email, 'whatever-123')).status).toBe(401);
  });
});
