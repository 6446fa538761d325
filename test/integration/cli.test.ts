import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../../server/accounts/password-hasher.ts';
import { createSession } from '../../server/accounts/sessions.ts';
import { openDatabase } from '../../server/db/client.ts';
import { lockDataDir } from '../../server/db/data-dir-lock.ts';
import { sessions, users } from '../../server/db/schema/index.ts';
import { backends, createScratchDatabase } from '../helpers/databases.ts';

const run = promisify(execFile);

// The built CLI (npm test builds first) starts in a fraction of the source form's time; both entry
// points run the same verbs, and test/e2e/operator-cli.test.ts drives `npm run cli` as well.
const CLI = 'dist/cli.js';

async function cli(env: Record<string, string>, ...args: string[]) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first.`);
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error: any) {
    return { code: error.code as number, stdout: error.stdout as string, stderr: error.stderr as string };
  }
}

describe.each(backends)('operator CLI on %s', (backend) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chatpoint-cli-'));
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | null = null;
  const env = async () => {
    if (backend === 'postgres' && !scratch) scratch = await createScratchDatabase();
    return { DATA_DIR: dataDir, ...(scratch ? { DATABASE_URL: scratch.url } : { DATABASE_URL: '' }) };
  };
  afterAll(async () => {
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Each verb is a process start; on a busy machine a dozen of them take minutes.
  it('creates a workdomain and users, opens, shows and closes registration; PIC deactivation closes it', {
    timeout: 600_000,
  }, async () => {
    const e = await env();
    const created = await cli(
      e,
      'workdomain',
      'create',
      '--name',
      'Beta Co',
      '--slug',
      'beta',
      '--plan',
      'pro',
      '--external-limit',
      '5',
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ slug: 'beta', id: expect.any(String) });

    const user = await cli(
      e,
      'user',
      'create',
      '--workdomain',
      'beta',
      '--email',
      'pic@beta.test',
      '--name',
      'Pic',
      '--password',
      'long-enough-pass',
    );
    expect(JSON.parse(user.stdout)).toMatchObject({ email: 'pic@beta.test', id: expect.any(String) });

    const opened = JSON.parse(
      (
        await cli(
          e,
          'registration',
          'open',
          '--workdomain',
          'beta',
          '--pic',
          'pic@beta.test',
          '--welcome',
          'Hi',
        )
      ).stdout,
    );
    expect(opened.url).toBe(`http://localhost:8787/join/${opened.linkId}`);
    expect(opened.embed).toContain(`<chatpoint-register link="${opened.linkId}"></chatpoint-register>`);

    const shown = JSON.parse((await cli(e, 'registration', 'show', '--workdomain', 'beta')).stdout);
    expect(shown).toMatchObject({
      open: true,
      closedReason: null,
      plan: 'pro',
      linkId: opened.linkId,
      welcomeMessage: 'Hi',
      capacity: { used: 0, limit: 5 },
    });

    const deactivated = JSON.parse(
      (await cli(e, 'user', 'deactivate', '--workdomain', 'beta', '--email', 'pic@beta.test')).stdout,
    );
    expect(deactivated).toEqual({ id: expect.any(String), status: 'inactive' });
    const after = JSON.parse((await cli(e, 'registration', 'show', '--workdomain', 'beta')).stdout);
    expect(after).toMatchObject({ open: false, closedReason: 'pic_unavailable', linkId: opened.linkId });

    expect(JSON.parse((await cli(e, 'registration', 'close', '--workdomain', 'beta')).stdout)).toEqual({
      open: false,
    });
  });

  it('sets a password: weak ones refused, the new one works, every session ends', {
    timeout: 600_000,
  }, async () => {
    const e = await env();
    await cli(
      e,
      'workdomain',
      'create',
      '--name',
      'Gamma',
      '--slug',
      'gamma',
      '--plan',
      'pro',
      '--external-limit',
      '1',
      '--create-database',
    );
    const created = JSON.parse(
      (
        await cli(
          e,
          'user',
          'create',
          '--workdomain',
          'gamma',
          '--email',
          'lee@gamma.test',
          '--name',
          'Lee',
          '--password',
          'first-password-1',
        )
      ).stdout,
    );
    const open = () => openDatabase({ databaseUrl: e.DATABASE_URL || null, dataDir: dataDir });
    let database = await open();
    await createSession(database.db, created.id);
    await database.close();

    const weak = await cli(
      e,
      'user',
      'set-password',
      '--workdomain',
      'gamma',
      '--email',
      'lee@gamma.test',
      '--password',
      'password',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/^weak_password: /);
    const set = await cli(
      e,
      'user',
      'set-password',
      '--workdomain',
      'gamma',
      '--email',
      'LEE@gamma.test',
      '--password',
      'second-password-2',
    );
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({ id: created.id, email: 'lee@gamma.test' });

    database = await open();
    try {
      const [user] = await database.db.select().from(users).where(eq(users.id, created.id));
      const hasher = createPasswordHasher(1);
      expect(await hasher.verify(user!.passwordHash!, 'second-password-2')).toBe(true);
      expect(await hasher.verify(user!.passwordHash!, 'first-password-1')).toBe(false);
      const live = await database.db.select().from(sessions).where(eq(sessions.userId, created.id));
      expect(live.length).toBeGreaterThan(0);
      expect(live.every((session) => session.revokedAt !== null)).toBe(true);
    } finally {
      await database.close();
    }
    const unknown = await cli(
      e,
      'user',
      'set-password',
      '--workdomain',
      'gamma',
      '--email',
      'nobody@gamma.test',
      '--password',
      'second-password-2',
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('user_not_found');
  });

  it('fails with a one-line reason and a non-zero exit', { timeout: 300_000 }, async () => {
    const e = await env();
    const missing = await cli(e, 'registration', 'show', '--workdomain', 'nope');
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('workdomain_not_found');
    const usage = await cli(e, 'frobnicate');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('Unknown command "frobnicate". See: node dist/cli.js --help\n');
    const badPlan = await cli(
      e,
      'workdomain',
      'create',
      '--name',
      'X',
      '--slug',
      'x',
      '--plan',
      'gold',
      '--external-limit',
      '1',
    );
    expect(badPlan.code).toBe(1);
    expect(badPlan.stderr).toContain('plan');
  });
});

describe('operator CLI on the embedded database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chatpoint-cli-lock-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to open the embedded database while a server holds it', { timeout: 60_000 }, async () => {
    await (await openDatabase({ databaseUrl: null, dataDir })).close();
    const unlock = lockDataDir(dataDir, 'server');
    try {
      const refused = await cli(
        { DATA_DIR: dataDir, DATABASE_URL: '' },
        'registration',
        'show',
        '--workdomain',
        'beta',
      );
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/in use by a server \(pid \d+\)/);
    } finally {
      unlock();
    }
  });
});
