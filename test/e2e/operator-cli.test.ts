import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../../server/accounts/password-hasher.ts';
import { openDatabase } from '../../server/db/client.ts';
import { users } from '../../server/db/schema/index.ts';
import { freePort } from '../helpers/server-process.ts';

/**
 * An operator's first run, through both entry points as real processes: `npm run cli --` (from
 * source) and `node dist/cli.js` (the build; needs `npm run build` first, as npm test does).
 */
const forms = [
  { program: 'npm run cli --', entry: 'scripts/cli-from-source.mjs' },
  { program: 'node dist/cli.js', entry: 'dist/cli.js' },
];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with only the environment given (and PATH), like an operator's fresh shell. */
function cli(entry: string, args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], {
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // A CLI that refuses before reading its input closes the pipe: that is its answer, not an error.
    child.stdin.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') reject(error);
    });
    child.stdin.end(options.stdin ?? '');
  });
}

const oneLine = (text: string) => text.trimEnd().split('\n');

beforeAll(() => {
  if (!existsSync('dist/cli.js')) throw new Error('dist/cli.js is missing: npm run build');
});

describe.each(forms)('$program', ({ program, entry }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chatpoint-operator-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints its usage for --help, -h, help and no verb, naming itself', async () => {
    for (const args of [['--help'], ['-h'], ['help'], ['user', 'create', '--help']]) {
      const shown = await cli(entry, args);
      expect(shown.code, args.join(' ')).toBe(0);
      expect(shown.stdout).toMatch(new RegExp(`^Usage: ${program.replaceAll(' ', '\\s')} <verb>`));
      expect(shown.stdout).toContain('--password-stdin');
      expect(shown.stderr).toBe('');
    }
    const bare = await cli(entry, []);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(new RegExp(`^Usage: ${program.replaceAll(' ', '\\s')} <verb>`));
  });

  it('answers a wrong command line with one line and a pointer to --help', async () => {
    const unknownFlag = await cli(entry, ['registration', 'show', '--workdomain', 'acme', '--bogus']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toBe(`Unknown option --bogus. See: ${program} --help\n`);
    const missingValue = await cli(entry, ['registration', 'show', '--workdomain']);
    expect(missingValue.code).toBe(2);
    expect(missingValue.stderr).toBe(`--workdomain needs a value. See: ${program} --help\n`);
    const foreignFlag = await cli(entry, ['registration', 'show', '--workdomain', 'acme', '--pic', 'x']);
    expect(foreignFlag.stderr).toBe(`registration show does not take --pic. See: ${program} --help\n`);
    const missingOption = await cli(entry, ['user', 'deactivate', '--workdomain', 'acme']);
    expect(missingOption.stderr).toBe(`user deactivate needs --email. See: ${program} --help\n`);
  });

  it('refuses, without creating anything, when DATA_DIR holds no database', async () => {
    const dataDir = path.join(dir, 'never-created');
    const refused = await cli(entry, ['registration', 'show', '--workdomain', 'acme'], {
      env: { DATA_DIR: dataDir },
    });
    expect(refused.code).toBe(1);
    expect(oneLine(refused.stderr)).toEqual([
      `No database in ${dataDir}: set DATABASE_URL (or --env-file) to use the service's database; to create an embedded one here, run the server once or workdomain create.`,
    ]);
    expect(refused.stdout).toBe('');
    expect(existsSync(dataDir)).toBe(false);
    // Only workdomain create, the first verb of a first run, may create one.
    const notHere = await cli(entry, ['registration', 'show', '--workdomain', 'acme', '--create-database'], {
      env: { DATA_DIR: dataDir },
    });
    expect(notHere.code).toBe(2);
    expect(notHere.stderr).toContain('registration show does not take --create-database');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('says in one line, without the password, that the database cannot be reached', {
    timeout: 60_000,
  }, async () => {
    const port = await freePort();
    const unreachable = await cli(entry, ['registration', 'show', '--workdomain', 'acme'], {
      env: {
        DATABASE_URL: `postgres://operator:s3cret-pass@127.0.0.1:${port}/chatpoint?password=s3cret-pass`,
      },
    });
    expect(unreachable.code).toBe(1);
    expect(oneLine(unreachable.stderr)).toHaveLength(1);
    expect(unreachable.stderr).toMatch(
      new RegExp(
        `^Cannot open the database at postgres://operator@127\\.0\\.0\\.1:${port}/chatpoint: .*ECONNREFUSED`,
      ),
    );
    expect(unreachable.stderr).not.toContain('s3cret');
    const base = process.env.TEST_DATABASE_URL;
    if (base) {
      const url = new URL(base);
      url.pathname = '/chatpoint_no_such_database';
      const missing = await cli(entry, ['registration', 'show', '--workdomain', 'acme'], {
        env: { DATABASE_URL: url.toString() },
      });
      expect(missing.code).toBe(1);
      expect(oneLine(missing.stderr)).toEqual([
        expect.stringMatching(
          /^Cannot open the database at .*: database "chatpoint_no_such_database" does not exist/,
        ),
      ]);
    }
  });

  it('runs a first run from the service env file, with passwords from stdin and the environment', {
    timeout: 600_000,
  }, async () => {
    const dataDir = path.join(dir, 'data');
    const envFile = path.join(dir, 'service.env');
    writeFileSync(
      envFile,
      [
        `DATA_DIR=${dataDir}`,
        'PUBLIC_URL=https://register.example.test',
        'SMTP_URL=smtp://127.0.0.1:2525',
        'MAIL_FROM=ChatPoint <no-reply@example.test>',
      ].join('\n'),
    );
    const withEnv = (...args: string[]) => [...args, '--env-file', envFile];

    const created = await cli(
      entry,
      withEnv(
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
      ),
    );
    // The first verb of a first run makes the embedded database, and says so.
    expect(oneLine(created.stderr)).toEqual([
      `Created a new embedded database in ${dataDir} (DATABASE_URL is not set).`,
    ]);
    expect(JSON.parse(created.stdout)).toMatchObject({ slug: 'beta' });

    const admin = await cli(
      entry,
      withEnv(
        'user',
        'create',
        '--workdomain',
        'beta',
        '--email',
        'admin@beta.test',
        '--name',
        'Ada',
        '--role',
        'admin',
        '--password-stdin',
      ),
      { stdin: 'admin-password-from-stdin\n' },
    );
    expect(admin.stderr).toBe('');
    const adminId = JSON.parse(admin.stdout).id;
    const pic = await cli(
      entry,
      withEnv('user', 'create', '--workdomain', 'beta', '--email', 'pic@beta.test', '--name', 'Pat'),
      { env: { CHATPOINT_PASSWORD: 'pic-password-from-env' } },
    );
    expect(pic.stderr).toBe('');
    const picId = JSON.parse(pic.stdout).id;

    const opened = await cli(
      entry,
      withEnv('registration', 'open', '--workdomain', 'beta', '--pic', 'pic@beta.test', '--welcome', 'Hi!'),
    );
    expect(JSON.parse(opened.stdout).url).toMatch(/^https:\/\/register\.example\.test\/join\/\S+$/);

    const noPassword = await cli(
      entry,
      withEnv('user', 'set-password', '--workdomain', 'beta', '--email', 'pic@beta.test'),
    );
    expect(noPassword.code).toBe(2);
    expect(oneLine(noPassword.stderr)).toEqual([
      'user set-password needs a password: --password-stdin, CHATPOINT_PASSWORD in the environment, or --password <p>.',
    ]);
    const emptyStdin = await cli(
      entry,
      withEnv('user', 'set-password', '--workdomain', 'beta', '--email', 'pic@beta.test', '--password-stdin'),
    );
    expect(emptyStdin.code).toBe(2);
    expect(emptyStdin.stderr).toContain('--password-stdin read no password');
    const changed = await cli(
      entry,
      withEnv('user', 'set-password', '--workdomain', 'beta', '--email', 'pic@beta.test', '--password-stdin'),
      { stdin: 'pic-password-changed\r\nnot part of it\n' },
    );
    expect(JSON.parse(changed.stdout)).toEqual({ id: picId, email: 'pic@beta.test' });

    const missingFile = await cli(entry, ['keys', 'rotate', '--env-file', path.join(dir, 'missing.env')]);
    expect(missingFile.code).not.toBe(0);
    expect(oneLine(missingFile.stderr)).toHaveLength(1);
    expect(missingFile.stderr).toContain('missing.env');

    const database = await openDatabase({ databaseUrl: null, dataDir });
    try {
      const hasher = createPasswordHasher(1);
      const hashOf = async (id: string) =>
        (await database.db.select().from(users).where(eq(users.id, id)))[0]!.passwordHash!;
      expect(await hasher.verify(await hashOf(adminId), 'admin-password-from-stdin')).toBe(true);
      expect(await hasher.verify(await hashOf(picId), 'pic-password-changed')).toBe(true);
    } finally {
      await database.close();
    }
  });
});
