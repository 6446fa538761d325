import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/accounts/sessions.ts';
import { createInternalUser } from '../../server/accounts/users.ts';
import { deactivateUser } from '../../server/admin/users.ts';
import { systemLineCatalogues } from '../../server/chat/i18n/index.ts';
import { conversations, messages, users } from '../../server/db/schema/index.ts';
import { openRegistration } from '../../server/registration/availability.ts';
import { showRegistration, updateRegistrationSettings } from '../../server/registration/settings.ts';
import { keyPaths, textAt } from '../helpers/catalogues.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness, PUBLIC_URL } from '../helpers/harness.ts';

describe('system line catalogues', () => {
  it('give every language exactly the English keys, each with words and the same placeholders', () => {
    const english = keyPaths(systemLineCatalogues.en);
    for (const lang of ['zh-Hant', 'zh-Hans', 'ja'] as const) {
      expect(keyPaths(systemLineCatalogues[lang]), lang).toEqual(english);
      for (const path of english) {
        const text = String(textAt(systemLineCatalogues[lang], path));
        const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(placeholders(text), `${lang} ${path}`).toEqual(
          placeholders(String(textAt(systemLineCatalogues.en, path))),
        );
      }
    }
  });
});

describe.each(backends)('system lines and the PIC handover on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  let counter = 0;
  const uniqueEmail = (who: string) => `${who}.${++counter}.${Date.now().toString(36)}@example.com`;

  const as = async (userId: string) => {
    const { sessionToken } = await createSession(h.db, userId);
    const auth = { authorization: `Bearer ${sessionToken}` };
    return (method: string, url: string, body?: unknown) => h.request(method, url, body, auth);
  };

  /** A registration from a page (its Origin, if any) in a language; the new account's id. */
  async function registerFrom(
    linkId: string,
    name: string,
    options: { origin?: string; lang?: string } = {},
  ) {
    const email = uniqueEmail(name.split(' ')[0]!.toLowerCase());
    const headers: Record<string, string> = options.origin ? { origin: options.origin } : {};
    const started = await h.request(
      'POST',
      `/api/registrations/${linkId}/start`,
      { name, email, ...(options.lang ? { lang: options.lang } : {}) },
      headers,
    );
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const mail = await h.smtp.waitFor(email);
    const code = /\b(\d{6})\b/.exec(mail.text)![1];
    const verified = await h.request(
      'POST',
      `/api/registrations/${linkId}/verify`,
      { registrationId: started.body.registrationId, code },
      headers,
    );
    expect(verified.status, JSON.stringify(verified.body)).toBe(201);
    return verified.body.user.id as string;
  }

  const bodies = async (api: Awaited<ReturnType<typeof as>>, conversationId: string) =>
    (
      (await api('GET', `/api/conversations/${conversationId}/messages`)).body.messages as { body: string }[]
    ).map((message) => message.body);

  it('says how the registrant came, in each reader’s language', async () => {
    const { workdomain, linkId, pic } = await h.seedWorkdomain();
    const fromSite = await registerFrom(linkId, 'Sam Site', { origin: 'https://shop.example', lang: 'ja' });
    const fromPage = await registerFrom(linkId, 'Paula Page', { origin: new URL(PUBLIC_URL).origin });
    const fromNowhere = await registerFrom(linkId, 'Cal Curl');

    const registrant = await as(fromSite);
    const [mine] = (await registrant('GET', '/api/conversations')).body.conversations;
    const shown = await registrant('GET', `/api/conversations/${mine.id}/messages`);
    expect(shown.body.messages[0]).toEqual({
      id: expect.any(String),
      senderId: null,
      body: `Sam Site さんがウェブサイトから ${workdomain.name} に参加しました。`,
      createdAt: expect.any(String),
      kind: 'system',
    });

    const picApi = await as(pic.id);
    const list = (await picApi('GET', '/api/conversations')).body.conversations as any[];
    const lineWith = async (userId: string) =>
      (await bodies(picApi, list.find((c) => c.with.id === userId).id))[0];
    expect(await lineWith(fromSite)).toBe(`Sam Site joined ${workdomain.name} through its website.`);
    expect(await lineWith(fromPage)).toBe(
      `Paula Page joined ${workdomain.name} through its registration page.`,
    );
    expect(await lineWith(fromNowhere)).toBe(
      `Cal Curl joined ${workdomain.name} through its registration page.`,
    );

    // The stored row keeps the event and its English words.
    const [stored] = await h.db.select().from(messages).where(eq(messages.conversationId, mine.id)).limit(1);
    expect(stored).toMatchObject({
      kind: 'system',
      body: `Sam Site joined ${workdomain.name} through its website.`,
      event: { type: 'joined', user: { id: fromSite, name: 'Sam Site' }, via: 'site' },
    });
    await (await as(pic.id))('PUT', '/api/me/lang', { lang: 'zh-Hant' });
    expect((await bodies(picApi, mine.id))[0]).toBe(`Sam Site 透過網站加入了 ${workdomain.name}。`);
    const lastLines = (await picApi('GET', '/api/conversations')).body.conversations.map(
      (c: any) => c.lastMessage.body,
    );
    expect(lastLines.every((line: string) => !line.includes('joined'))).toBe(true);
  });

  it('reads lines stored as English text before events, converted by the migration', async () => {
    const { workdomain, linkId, pic } = await h.seedWorkdomain();
    const userId = await registerFrom(linkId, 'Olga Old Timer', { lang: 'ja' });
    const [conversation] = await h.db
      .select()
      .from(conversations)
      .where(eq(conversations.workdomainId, workdomain.id));
    // As an earlier version wrote it: English words, no event; and one line it never wrote.
    await h.db
      .update(messages)
      .set({ event: null, body: `Olga Old Timer joined ${workdomain.name} through its website.` })
      .where(eq(messages.conversationId, conversation!.id));
    await h.db
      .insert(messages)
      .values({ conversationId: conversation!.id, kind: 'system', body: 'A line of old.' });
    const registrant = await as(userId);
    expect(await bodies(registrant, conversation!.id)).toContain(
      `Olga Old Timer joined ${workdomain.name} through its website.`,
    );

    const migration = readFileSync(
      new URL('../../drizzle/0010_system_line_events_and_start_origin.sql', import.meta.url),
      'utf8',
    );
    await h.db.execute(sql.raw(migration.split('--> statement-breakpoint').at(-1)!));
    const read = await bodies(registrant, conversation!.id);
    expect(read[0]).toBe(`Olga Old Timer さんがウェブサイトから ${workdomain.name} に参加しました。`);
    expect(read).toContain('A line of old.');
    expect((await bodies(await as(pic.id), conversation!.id))[0]).toBe(
      `Olga Old Timer joined ${workdomain.name} through its website.`,
    );
  });

  it('hands the previous PIC’s registrants to the new PIC, once, in one transaction', async () => {
    const { workdomain, linkId, pic, admin } = await h.seedWorkdomain({ welcome: 'Welcome from Pat' });
    const adminApi = await as(admin.id);
    const ann = await registerFrom(linkId, 'Ann Lee', { lang: 'ja', origin: 'https://shop.example' });
    const bob = await registerFrom(linkId, 'Bob Ray');
    const gone = await registerFrom(linkId, 'Gone Person');
    expect((await adminApi('POST', `/api/admin/users/${gone}/deactivate`)).status).toBe(200);

    const listed = (await adminApi('GET', '/api/admin/users')).body.users as any[];
    expect(listed.find((u) => u.id === pic.id).registrants).toBe(2);
    expect(listed.find((u) => u.id === ann).registrants).toBeNull();

    // Deactivating the PIC closes registration; the registrants are told nobody is assigned yet.
    expect((await adminApi('POST', `/api/admin/users/${pic.id}/deactivate`)).status).toBe(200);
    expect((await adminApi('GET', '/api/admin/registration')).body).toMatchObject({
      open: false,
      closedReason: 'pic_unavailable',
    });
    const annApi = await as(ann);
    const before = (await annApi('GET', '/api/conversations')).body.conversations;
    expect(before).toEqual([
      expect.objectContaining({
        with: { id: pic.id, name: pic.name, email: pic.email, active: false },
        unassigned: true,
      }),
    ]);
    const oldConversation = before[0].id as string;
    // Writing there is still allowed; the notice stays until someone is assigned.
    expect(
      (await annApi('POST', `/api/conversations/${oldConversation}/messages`, { body: 'Hello?' })).status,
    ).toBe(201);

    const colleague = await createInternalUser(h.db, h.deps.hasher, {
      workdomainId: workdomain.id,
      email: uniqueEmail('kim'),
      name: 'Kim Novak',
      password: 'colleague-pass-1',
      role: 'member',
    });
    const other = await createInternalUser(h.db, h.deps.hasher, {
      workdomainId: workdomain.id,
      email: uniqueEmail('other'),
      name: 'Other Staff',
      password: 'colleague-pass-2',
      role: 'member',
    });
    const chosen = await adminApi('PUT', '/api/admin/registration', { picUserId: colleague.id });
    expect(chosen.status).toBe(200);
    expect(chosen.body.pic.id).toBe(colleague.id);

    const after = (await annApi('GET', '/api/conversations')).body.conversations as any[];
    expect(after.map((c) => [c.with.id, c.with.active, c.unassigned])).toEqual([
      [colleague.id, true, false],
      [pic.id, false, false],
    ]);
    expect(after[0].lastMessage.body).toBe('この会話は今後 Kim Novak が担当します。');
    expect(await bodies(annApi, after[0].id)).toEqual(['この会話は今後 Kim Novak が担当します。']);
    expect(await bodies(annApi, oldConversation)).toEqual([
      `Ann Lee さんがウェブサイトから ${workdomain.name} に参加しました。`,
      'Welcome from Pat',
      'Hello?',
    ]);
    // Contacts list active people: the new PIC, no longer the old one.
    expect((await annApi('GET', '/api/me')).body.contacts.map((c: any) => c.id)).toEqual([colleague.id]);
    const bobApi = await as(bob);
    const bobs = (await bobApi('GET', '/api/conversations')).body.conversations as any[];
    expect(await bodies(bobApi, bobs[0].id)).toEqual(['Kim Novak now looks after this conversation.']);
    const kimApi = await as(colleague.id);
    expect(
      ((await kimApi('GET', '/api/conversations')).body.conversations as any[]).map((c) => c.with.id).sort(),
    ).toEqual([ann, bob].sort());

    // Inactive and internal users are left as they were.
    const goneConversations = await h.db
      .select({ id: conversations.id })
      .from(conversations)
      .where(sql`${conversations.userAId} = ${gone} or ${conversations.userBId} = ${gone}`);
    expect(goneConversations).toHaveLength(1);
    expect(
      ((await (await as(other.id))('GET', '/api/conversations')).body.conversations as any[]).length,
    ).toBe(0);
    expect(((await adminApi('GET', '/api/conversations')).body.conversations as any[]).length).toBe(0);

    // Choosing the same PIC again changes nothing.
    const count = async () => (await h.db.select({ n: sql<number>`count(*)::int` }).from(messages))[0]!.n;
    const lines = await count();
    expect((await adminApi('PUT', '/api/admin/registration', { picUserId: colleague.id })).status).toBe(200);
    expect(await count()).toBe(lines);

    // Registration opens again with the new PIC; the audit says how many were handed over.
    expect((await adminApi('POST', '/api/admin/registration/open')).body.open).toBe(true);
    const audit = (await adminApi('GET', '/api/admin/audit')).body.entries as any[];
    expect(audit.find((e) => e.action === 'pic_changed').details).toMatchObject({
      from: pic.id,
      to: colleague.id,
      registrantsHandedOver: 2,
    });
    const listedAfter = (await adminApi('GET', '/api/admin/users')).body.users as any[];
    expect(listedAfter.find((u) => u.id === colleague.id).registrants).toBe(2);
    expect(listedAfter.find((u) => u.id === pic.id).registrants).toBeNull();
    const [kim] = await h.db.select().from(users).where(eq(users.id, colleague.id));
    expect(kim!.status).toBe('active');
  });

  it('hands over when registration reopens after pic_unavailable with a new PIC (the CLI’s open --pic)', async () => {
    const { workdomain, linkId, pic } = await h.seedWorkdomain();
    const zoe = await registerFrom(linkId, 'Zoe Zhang', { lang: 'zh-CN' });
    await deactivateUser(h.db, workdomain.id, pic.id, { kind: 'operator' }, PUBLIC_URL);
    const next = await createInternalUser(h.db, h.deps.hasher, {
      workdomainId: workdomain.id,
      email: uniqueEmail('lee'),
      name: 'Lee Wong',
      password: 'colleague-pass-4',
      role: 'member',
    });
    // What `registration open --workdomain … --pic …` runs.
    await updateRegistrationSettings(
      h.db,
      workdomain.id,
      { picUserId: next.id },
      { kind: 'operator' },
      PUBLIC_URL,
    );
    await openRegistration(h.db, workdomain.id, { kind: 'operator' });
    expect((await showRegistration(h.db, workdomain.id, PUBLIC_URL)).open).toBe(true);
    const zoeApi = await as(zoe);
    const [newest] = (await zoeApi('GET', '/api/conversations')).body.conversations;
    expect(newest).toMatchObject({ with: { id: next.id, active: true }, unassigned: false });
    expect(newest.lastMessage.body).toBe('此对话现由 Lee Wong 负责。');
  });

  it('refuses an inactive user as the new PIC and hands nobody over', async () => {
    const { workdomain, linkId, admin } = await h.seedWorkdomain();
    const adminApi = await as(admin.id);
    const ann = await registerFrom(linkId, 'Ann Stay');
    const inactive = await createInternalUser(h.db, h.deps.hasher, {
      workdomainId: workdomain.id,
      email: uniqueEmail('off'),
      name: 'Off Duty',
      password: 'colleague-pass-3',
      role: 'member',
    });
    await h.db.update(users).set({ status: 'inactive' }).where(eq(users.id, inactive.id));
    const refused = await adminApi('PUT', '/api/admin/registration', { picUserId: inactive.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('pic_unavailable');
    expect((await (await as(ann))('GET', '/api/conversations')).body.conversations).toHaveLength(1);
  });
});
