import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  emailOutbox,
  funnelDaily,
  jobLeases,
  loginTokens,
  passwordResets,
  rateLimitCounters,
  registrations,
  sessions,
  verificationCodes,
} from '../../server/db/schema/index.ts';
import { createLogger } from '../../server/logger.ts';
import { retentionTick, runRetentionRound, sweepRetention } from '../../server/maintenance/retention.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const DAY = 24 * 60 * 60 * 1000;
/** A moment `days` ago (negative: in the future). */
const ago = (days: number) => new Date(Date.now() - days * DAY);

describe.each(backends)('retention sweep on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  it('deletes only finished records older than RETENTION_DAYS', async () => {
    const { workdomain, admin } = await h.seedWorkdomain();
    const registration = (label: string, state: 'code_sent' | 'completed' | 'dead', codeExpiresAt: Date) => ({
      id: randomUUID(),
      workdomainId: workdomain.id,
      linkId: 'l',
      name: label,
      email: `${label}@example.com`,
      emailCanonical: `${label}@example.com`,
      state,
      codeExpiresAt,
      createdAt: new Date(codeExpiresAt.getTime() - 10 * 60 * 1000),
      lastSentAt: new Date(codeExpiresAt.getTime() - 10 * 60 * 1000),
    });
    const registered = [
      registration('old-completed', 'completed', ago(40)),
      registration('old-dead', 'dead', ago(31)),
      registration('old-abandoned', 'code_sent', ago(35)),
      registration('recent-completed', 'completed', ago(29)),
      registration('live', 'code_sent', ago(-0.005)),
    ];
    await h.db.insert(registrations).values(registered.map(({ codeExpiresAt: _, ...row }) => row));
    await h.db.insert(verificationCodes).values(
      registered.map((row) => ({
        subjectId: row.id,
        purpose: 'registration' as const,
        codeHash: `hash-${row.name}`,
        expiresAt: row.codeExpiresAt,
      })),
    );
    const mail = (
      label: string,
      status: 'pending' | 'sent' | 'cancelled',
      createdAt: Date,
      sentAt: Date | null,
    ) => ({
      toAddress: `${label}@example.com`,
      template: 'verification-code',
      props: {},
      status,
      createdAt,
      sentAt,
    });
    await h.db
      .insert(emailOutbox)
      .values([
        mail('old-sent', 'sent', ago(45), ago(44)),
        mail('old-cancelled', 'cancelled', ago(40), null),
        mail('recent-sent', 'sent', ago(45), ago(10)),
        mail('old-pending', 'pending', ago(60), null),
      ]);
    const session = (label: string, expiresAt: Date, revokedAt: Date | null = null) => ({
      tokenHash: `retention-${label}-${randomUUID()}`,
      userId: admin.id,
      createdAt: new Date(expiresAt.getTime() - 30 * DAY),
      expiresAt,
      revokedAt,
    });
    await h.db
      .insert(sessions)
      .values([
        session('old-expired', ago(31)),
        session('old-revoked', ago(-20), ago(40)),
        session('recent-expired', ago(5)),
        session('active', ago(-25)),
      ]);
    await h.db.insert(loginTokens).values([
      { jti: randomUUID(), userId: admin.id, expiresAt: ago(31), usedAt: ago(31) },
      { jti: randomUUID(), userId: admin.id, expiresAt: ago(1) },
    ]);
    await h.db.insert(passwordResets).values([
      { tokenHash: `old-${randomUUID()}`, userId: admin.id, createdAt: ago(33), expiresAt: ago(33) },
      { tokenHash: `recent-${randomUUID()}`, userId: admin.id, createdAt: ago(2), expiresAt: ago(2) },
    ]);
    await h.db.insert(rateLimitCounters).values([
      { key: 'retention:old', windowStart: ago(32), count: 3 },
      { key: 'retention:recent', windowStart: ago(20), count: 3 },
    ]);
    await h.db.insert(funnelDaily).values({
      workdomainId: workdomain.id,
      linkId: 'old-link',
      day: ago(90).toISOString().slice(0, 10),
      kind: 'code_sent',
      count: 4,
    });

    const deleted = await sweepRetention(h.db, 30);
    expect(deleted).toMatchObject({
      registrations: 3,
      verificationCodes: 3,
      outbox: 2,
      sessions: 2,
      loginTokens: 1,
      passwordResets: 1,
      rateLimitWindows: 1,
    });

    const left = {
      registrations: (await h.db.select({ name: registrations.name }).from(registrations)).map((r) => r.name),
      outbox: (await h.db.select({ to: emailOutbox.toAddress }).from(emailOutbox)).map((r) => r.to),
      sessions: (await h.db.select({ hash: sessions.tokenHash }).from(sessions)).map(
        (r) => r.hash.split('-')[1],
      ),
      rateLimits: (
        await h.db
          .select({ key: rateLimitCounters.key })
          .from(rateLimitCounters)
          .where(sql`${rateLimitCounters.key} like 'retention:%'`)
      ).map((r) => r.key),
      funnel: (await h.db.select().from(funnelDaily)).length,
    };
    expect(left.registrations.sort()).toEqual(['live', 'recent-completed']);
    const codesLeft = await h.db.select({ hash: verificationCodes.codeHash }).from(verificationCodes);
    expect(codesLeft.map((code) => code.hash).sort()).toEqual(['hash-live', 'hash-recent-completed']);
    expect(left.outbox).toEqual(
      expect.arrayContaining(['recent-sent@example.com', 'old-pending@example.com']),
    );
    expect(left.outbox).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^old-(sent|cancelled)@/)]),
    );
    expect(left.sessions).toEqual(expect.arrayContaining(['recent', 'active']));
    expect(left.sessions).not.toContain('old');
    expect(left.rateLimits).toEqual(['retention:recent']);
    expect(left.funnel).toBe(1);

    // Nothing is left to do: a second sweep deletes nothing.
    expect(Object.values(await sweepRetention(h.db, 30)).every((n) => n === 0)).toBe(true);
  });

  it('logs how many rows of each kind it deleted, secrets still redacted', async () => {
    const { admin } = await h.seedWorkdomain();
    await h.db.insert(loginTokens).values({ jti: randomUUID(), userId: admin.id, expiresAt: ago(40) });
    await h.db.insert(passwordResets).values({
      tokenHash: `logged-${randomUUID()}`,
      userId: admin.id,
      createdAt: ago(41),
      expiresAt: ago(41),
    });
    await h.db.delete(jobLeases);
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line));
    await retentionTick(h.db, 30, logger, 3600);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ level: 'info', message: 'retention sweep', days: 30 });
    expect(line.deleted).toMatchObject({ loginTokens: 1, passwordResets: 1 });
    expect(Object.values(line.deleted).every((count) => typeof count === 'number')).toBe(true);

    logger.info('secrets', { loginToken: 'eyJ.secret', code: '123456', password: 'hunter22' });
    expect(JSON.parse(lines[1]!)).toMatchObject({
      loginToken: '[redacted]',
      code: '[redacted]',
      password: '[redacted]',
    });
  });

  it('lets exactly one of many concurrent processes sweep per round', async () => {
    await h.db.delete(jobLeases);
    const rounds = await Promise.all(Array.from({ length: 8 }, () => runRetentionRound(h.db, 30, 3600)));
    expect(rounds.filter((round) => round !== null)).toHaveLength(1);
    // The next round is an hour away…
    expect(await runRetentionRound(h.db, 30, 3600)).toBeNull();
    // …and once it is due, one process takes it again.
    await h.db
      .update(jobLeases)
      .set({ nextRunAt: ago(0.001) })
      .where(eq(jobLeases.name, 'retention'));
    const next = await Promise.all([runRetentionRound(h.db, 30, 3600), runRetentionRound(h.db, 30, 3600)]);
    expect(next.filter((round) => round !== null)).toHaveLength(1);
  });
});
