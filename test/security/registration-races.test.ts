import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deactivateUser } from '../../server/admin/users.ts';
import { contacts, messages, registrations, users, verificationCodes } from '../../server/db/schema/index.ts';
import { showRegistration } from '../../server/registration/settings.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

async function startMany(h: Harness, linkId: string, people: { name: string; email: string }[]) {
  const started = await Promise.all(
    people.map((person) => h.request('POST', `/api/registrations/${linkId}/start`, person)),
  );
  expect(started.map((r) => r.status)).toEqual(people.map(() => 202));
  return Promise.all(
    people.map(async (person, i) => ({
      registrationId: started[i]!.body.registrationId as string,
      code: await h.codeFor(person.email),
    })),
  );
}

async function accountsWith(h: Harness, workdomainId: string, email: string) {
  const [accounts] = await h.db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.workdomainId, workdomainId), eq(users.emailCanonical, email)));
  return accounts!.n;
}

/** Two registrations of one address, each with its own code. */
async function startTwice(h: Harness, linkId: string, email: string) {
  const first = await h.request('POST', `/api/registrations/${linkId}/start`, { name: 'One', email });
  const firstCode = await h.codeFor(email);
  const second = await h.request('POST', `/api/registrations/${linkId}/start`, { name: 'Two', email });
  await h.smtp.waitFor(email, () => h.smtp.all(email).length >= 2);
  const secondCode = await h.codeFor(email, 1);
  return [
    { registrationId: first.body.registrationId as string, code: firstCode },
    { registrationId: second.body.registrationId as string, code: secondCode },
  ];
}

describe('wrong guesses from many client IPs', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite', env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => h?.close());

  it('counts tries per registration, whatever address they come from', async () => {
    const { linkId } = await h.seedWorkdomain();
    const [{ registrationId, code }] = (await startMany(h, linkId, [
      { name: 'Ip', email: 'many-ips@example.com' },
    ])) as [{ registrationId: string; code: string }];
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        h.request(
          'POST',
          `/api/registrations/${linkId}/verify`,
          { registrationId, code: wrong },
          {
            'x-forwarded-for': `203.0.113.${i + 1}`,
          },
        ),
      ),
    );
    expect(answers.filter((a) => a.status === 422)).toHaveLength(5);
    const right = await h.request(
      'POST',
      `/api/registrations/${linkId}/verify`,
      { registrationId, code },
      {
        'x-forwarded-for': '198.51.100.7',
      },
    );
    expect(right.status).toBe(429);
  });
});

describe.each(backends)('concurrency on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  it('counts 16 parallel wrong guesses as 16: the registration dies after 5', async () => {
    const { linkId } = await h.seedWorkdomain();
    const [{ registrationId, code }] = (await startMany(h, linkId, [
      { name: 'Gu', email: 'guess@example.com' },
    ])) as [{ registrationId: string; code: string }];
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = await Promise.all(
      Array.from({ length: 16 }, () =>
        h.request('POST', `/api/registrations/${linkId}/verify`, { registrationId, code: wrong }),
      ),
    );
    expect(answers.filter((a) => a.status === 422)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(11);
    const [row] = await h.db
      .select()
      .from(verificationCodes)
      .where(eq(verificationCodes.subjectId, registrationId));
    expect(row!.attempts).toBe(16);
    const right = await h.request('POST', `/api/registrations/${linkId}/verify`, { registrationId, code });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('too_many_attempts');
  });

  it('the right code wins over wrong guesses sent at the same moment', async () => {
    const { linkId, workdomain } = await h.seedWorkdomain();
    const email = 'right-wins@example.com';
    const [{ registrationId, code }] = (await startMany(h, linkId, [{ name: 'Rw', email }])) as [
      { registrationId: string; code: string },
    ];
    const wrong = code === '000000' ? '111111' : '000000';
    const verify = (guess: string) =>
      h.request('POST', `/api/registrations/${linkId}/verify`, { registrationId, code: guess });
    const answers = await Promise.all([code, wrong, code, wrong, code, wrong].map(verify));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
    const losers = answers.filter((a) => a.status === 422).map((a) => a.body.error.code);
    expect(losers.filter((code) => code === 'registration_complete')).toHaveLength(2);
    expect(await accountsWith(h, workdomain.id, email)).toBe(1);
  });

  it('right and wrong codes for two registrations of one address give exactly one account', async () => {
    const { linkId, workdomain } = await h.seedWorkdomain();
    const email = 'two-starts@example.com';
    const attempts = (await startTwice(h, linkId, email)).flatMap(({ registrationId, code }) => {
      const wrong = code === '000000' ? '111111' : '000000';
      return [code, wrong, code, wrong].map((guess) =>
        h.request('POST', `/api/registrations/${linkId}/verify`, { registrationId, code: guess }),
      );
    });
    const answers = await Promise.all(attempts);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.every((a) => a.status < 500)).toBe(true);
    expect(await accountsWith(h, workdomain.id, email)).toBe(1);
  });

  it('one email in two registrations verified at once gives one account', async () => {
    const { linkId, workdomain } = await h.seedWorkdomain();
    const email = 'twice@example.com';
    const results = await Promise.all(
      (await startTwice(h, linkId, email)).map((pending) =>
        h.request('POST', `/api/registrations/${linkId}/verify`, pending),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('email_taken');
    expect(await accountsWith(h, workdomain.id, email)).toBe(1);
  });

  it('many registrants for the last seats: exactly the limit get in, then registration closes', async () => {
    const people = Array.from({ length: backend === 'postgres' ? 50 : 8 }, (_, i) => ({
      name: `Seat ${i}`,
      email: `seat${i}@example.com`,
    }));
    const { linkId, workdomain } = await h.seedWorkdomain({ limit: 3 });
    const pending = await startMany(h, linkId, people);
    const results = await Promise.all(
      pending.map((p) => h.request('POST', `/api/registrations/${linkId}/verify`, p)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    expect(
      results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'registration_closed'),
    ).toBe(true);
    // The invariant, straight from SQL: active external users never exceed the limit.
    const [{ used }] = (await h.db
      .select({ used: sql<number>`count(*)::int` })
      .from(users)
      .where(
        and(eq(users.workdomainId, workdomain.id), eq(users.kind, 'external'), eq(users.status, 'active')),
      )) as [{ used: number }];
    expect(used).toBe(3);
    const view = await showRegistration(h.db, workdomain.id, h.config.publicUrl);
    expect(view).toMatchObject({
      open: false,
      closedReason: 'capacity_reached',
      capacity: { used: 3, limit: 3 },
    });
  });

  it('PIC deactivated while verifies are in flight: each registrant gets all of it or none of it', async () => {
    const people = Array.from({ length: 6 }, (_, i) => ({
      name: `Race ${i}`,
      email: `race${i}@example.com`,
    }));
    const { linkId, workdomain, pic } = await h.seedWorkdomain({ welcome: 'Hello from the PIC' });
    const pending = await startMany(h, linkId, people);
    const [results] = await Promise.all([
      Promise.all(pending.map((p) => h.request('POST', `/api/registrations/${linkId}/verify`, p))),
      deactivateUser(h.db, workdomain.id, pic.id, { kind: 'operator' }, h.config.publicUrl),
    ]);
    for (const result of results) {
      if (result.status === 201) {
        const userId = result.body.user.id;
        const links = await h.db.select().from(contacts).where(eq(contacts.userId, userId));
        expect(links).toHaveLength(1);
        const welcome = await h.db
          .select()
          .from(messages)
          .where(and(eq(messages.senderId, pic.id), eq(messages.body, 'Hello from the PIC')));
        expect(welcome.length).toBeGreaterThan(0);
      } else {
        expect(result.status).toBe(409);
        expect(result.body.error.code).toBe('registration_closed');
      }
    }
    const created = results.filter((r) => r.status === 201).length;
    const [{ externals }] = (await h.db
      .select({ externals: sql<number>`count(*)::int` })
      .from(users)
      .where(and(eq(users.workdomainId, workdomain.id), eq(users.kind, 'external')))) as [
      { externals: number },
    ];
    expect(externals).toBe(created);
    const [{ orphans }] = (await h.db
      .select({ orphans: sql<number>`count(*)::int` })
      .from(registrations)
      .where(and(eq(registrations.workdomainId, workdomain.id), eq(registrations.state, 'completed')))) as [
      { orphans: number },
    ];
    expect(orphans).toBe(created);
    expect((await showRegistration(h.db, workdomain.id, h.config.publicUrl)).closedReason).toBe(
      'pic_unavailable',
    );
  });
});
