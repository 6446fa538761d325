import { and, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, conversations, registrations, users } from '../../server/db/schema/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

describe('database connections killed mid-flow', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend: 'postgres' });
  });
  afterAll(() => h?.close());

  /** Terminates every connection the server holds to its database, as a PostgreSQL restart would. */
  async function killServerConnections() {
    const url = new URL(h.config.databaseUrl!);
    const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${url.pathname.slice(1)} and pid <> pg_backend_pid()`;
    await admin.end();
  }

  it('answers 503 in the error shape, leaves nothing half-created, and a retry succeeds', {
    timeout: 120_000,
  }, async () => {
    const { linkId, workdomain } = await h.seedWorkdomain({ limit: 100 });
    const people = Array.from({ length: 12 }, (_, i) => ({
      name: `Loss ${i}`,
      email: `loss${i}@example.com`,
    }));
    const pending = [];
    for (const person of people) {
      const started = await h.request('POST', `/api/registrations/${linkId}/start`, person);
      expect(started.status).toBe(202);
      pending.push({
        registrationId: started.body.registrationId as string,
        code: await h.codeFor(person.email),
      });
    }

    const killing = (async () => {
      for (let i = 0; i < 5; i++) {
        await killServerConnections();
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    })();
    const answers = await Promise.all(
      pending.map((p) => h.request('POST', `/api/registrations/${linkId}/verify`, p)),
    );
    await killing;

    for (const answer of answers) {
      expect([201, 503]).toContain(answer.status);
      if (answer.status === 503) {
        expect(answer.body.error.code).toBe('unavailable');
        expect(answer.headers.get('retry-after')).toBeTruthy();
      }
    }
    // Connections that died while idle fail once each on first use; let the pool replace them all
    // (queries at once, so every pooled connection is used, not just the first idle one).
    await Promise.all(
      Array.from({ length: 40 }, () =>
        h.db
          .select()
          .from(users)
          .limit(1)
          .catch(() => {}),
      ),
    );

    // Whatever committed, committed whole: every external user has its registration, contact and conversation.
    const externals = await h.db
      .select()
      .from(users)
      .where(and(eq(users.workdomainId, workdomain.id), eq(users.kind, 'external')));
    for (const user of externals) {
      expect(await h.db.select().from(contacts).where(eq(contacts.userId, user.id))).toHaveLength(1);
      const [done] = await h.db.select().from(registrations).where(eq(registrations.userId, user.id));
      expect(done?.state).toBe('completed');
    }
    const [{ talks }] = (await h.db
      .select({ talks: sql<number>`count(*)::int` })
      .from(conversations)
      .where(eq(conversations.workdomainId, workdomain.id))) as [{ talks: number }];
    expect(talks).toBe(externals.length);

    // Those that failed can retry with the same code once the database is back.
    for (const [i, answer] of answers.entries()) {
      if (answer.status === 201) continue;
      // 503 says "try again": a client that does so a few times gets through.
      let retried = await h.request('POST', `/api/registrations/${linkId}/verify`, pending[i]);
      for (let attempt = 0; attempt < 3 && retried.status === 503; attempt++)
        retried = await h.request('POST', `/api/registrations/${linkId}/verify`, pending[i]);
      expect(retried.status).toBe(201);
    }
  });
});
