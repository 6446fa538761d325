import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/client.ts';
import { workdomains } from '../../server/db/schema/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { freePort, startServerProcess } from '../helpers/server-process.ts';

const smtp = 'smtp://127.0.0.1:2525';

describe('DEV_MAILBOX: mail is shown at /dev/mailbox only on a loopback PUBLIC_URL or when asked', () => {
  it('refuses to start without SMTP_URL on a public PUBLIC_URL, with a one-line reason', () => {
    for (const publicUrl of [
      'https://chat.example.com',
      'http://localhost.evil.test',
      'http://127.0.0.1.nip.io:8787',
      'http://10.0.0.5:8787',
      'http://0.0.0.0:8787',
    ]) {
      let thrown: unknown;
      try {
        loadConfig({ PUBLIC_URL: publicUrl });
      } catch (error) {
        thrown = error;
      }
      expect(thrown, publicUrl).toBeInstanceOf(ConfigError);
      expect((thrown as Error).message).toMatch(/SMTP_URL/);
      expect((thrown as Error).message).not.toContain('\n');
    }
  });

  it('uses the dev mailbox on loopback, or anywhere with DEV_MAILBOX=1, and never with SMTP_URL', () => {
    for (const publicUrl of [
      'http://localhost:8787',
      'http://127.0.0.1:9000',
      'http://127.8.9.10',
      'http://[::1]:8787',
    ]) {
      expect(loadConfig({ PUBLIC_URL: publicUrl }).devMailbox, publicUrl).toBe(true);
    }
    expect(loadConfig({}).devMailbox).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://chat.example.com', DEV_MAILBOX: '1' }).devMailbox).toBe(true);
    expect(
      loadConfig({ PUBLIC_URL: 'http://localhost:8787', SMTP_URL: smtp, DEV_MAILBOX: '1' }).devMailbox,
    ).toBe(false);
    expect(() => loadConfig({ PUBLIC_URL: 'http://localhost:8787', DEV_MAILBOX: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ DEV_MAILBOX: 'yes' })).toThrow(ConfigError);
  });

  it('the real process exits non-zero with that one line instead of serving mail to the world', {
    timeout: 120_000,
  }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'chatpoint-refuse-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: {
          ...process.env,
          PORT: String(await freePort()),
          PUBLIC_URL: 'https://chat.example.com',
          DATA_DIR: dataDir,
          SMTP_URL: '',
          DEV_MAILBOX: '',
          DATABASE_URL: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).not.toBe(0);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/SMTP_URL is unset and PUBLIC_URL \(https:\/\/chat\.example\.com\)/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('with SMTP_URL there is no dev mailbox, whatever the request says', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite', env: { PUBLIC_URL: 'https://chat.example.com' } });
  });
  afterAll(() => h?.close());

  it('answers 404 on every mailbox route, also to Host and X-Forwarded-Host of localhost', async () => {
    const tricks: Record<string, string>[] = [
      {},
      { host: 'localhost' },
      { host: '127.0.0.1:8787' },
      { 'x-forwarded-host': 'localhost' },
      { host: '[::1]', 'x-forwarded-for': '127.0.0.1' },
    ];
    for (const headers of tricks) {
      for (const route of ['/dev/mailbox', '/dev/mailbox.json', '/dev/mailbox/x', '/dev/mailbox/x/html']) {
        const response = await h.app.request(`http://localhost${route}`, { headers });
        expect(response.status, `${route} ${JSON.stringify(headers)}`).toBe(404);
      }
    }
  });
});

describe('the dev mailbox itself, on a loopback PUBLIC_URL without SMTP_URL', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite', env: { SMTP_URL: '' } });
  });
  afterAll(() => h?.close());

  it('is served', async () => {
    expect(h.config.devMailbox).toBe(true);
    expect((await h.request('GET', '/dev/mailbox.json')).status).toBe(200);
  });
});

describe('DEMO: demo accounts only where asked for', () => {
  it('defaults to on with the embedded database and off with DATABASE_URL', () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://db.internal/chat', SMTP_URL: smtp }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db.internal/chat', SMTP_URL: smtp, DEMO: '1' }).demo).toBe(
      true,
    );
    expect(loadConfig({ DEMO: '0' }).demo).toBe(false);
    expect(() => loadConfig({ DEMO: 'true' })).toThrow(ConfigError);
  });
});

async function workdomainCount(databaseUrl: string | null, dataDir: string): Promise<number> {
  const database = await openDatabase({ databaseUrl, dataDir });
  try {
    const [row] = await database.db.select({ total: count() }).from(workdomains);
    return Number(row!.total);
  } finally {
    await database.close();
  }
}

describe('the demo you can come back to (embedded database)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chatpoint-demo-'));
  const env = { DATA_DIR: dataDir, SMTP_URL: '', DATABASE_URL: '', DEMO: '', DEV_MAILBOX: '' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // Two real starts: on a busy machine each can take minutes.
  it('seeds on the first start, saves the passwords 0600, and prints the links again on every start', {
    timeout: 600_000,
  }, async () => {
    const first = await startServerProcess(env);
    await first.kill('SIGTERM');
    const firstOutput = first.output.join('');
    const file = path.join(dataDir, 'demo-credentials.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({
      workdomain: 'acme',
      admin: { email: 'admin@acme.example', password: expect.stringMatching(/^demo-/) },
      pic: { email: 'pat@acme.example', password: expect.any(String) },
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(firstOutput).toContain(saved.admin.password);
    expect(firstOutput).toContain(file);

    const second = await startServerProcess(env);
    await second.kill('SIGTERM');
    const secondOutput = second.output.join('');
    const link = /\/join\/[A-Za-z0-9_-]+/.exec(firstOutput)![0];
    expect(secondOutput).toContain(`${second.url}${link}`);
    expect(secondOutput).toContain(`${second.url}/admin`);
    expect(secondOutput).toContain('admin@acme.example');
    expect(secondOutput).toContain(`${second.url}/dev/mailbox`);
    expect(secondOutput).toContain('<chatpoint-register link=');
    expect(secondOutput).toContain(file);
    // Only the first start shows the passwords; later ones say where they are.
    expect(secondOutput).not.toContain(saved.admin.password);
    expect(secondOutput).not.toContain(saved.pic.password);
    expect(await workdomainCount(null, dataDir)).toBe(1);
  });

  it('DEMO=0 on a fresh embedded database seeds nothing and prints no demo', {
    timeout: 300_000,
  }, async () => {
    const fresh = mkdtempSync(path.join(tmpdir(), 'chatpoint-nodemo-'));
    try {
      const server = await startServerProcess({ ...env, DATA_DIR: fresh, DEMO: '0' });
      await server.kill('SIGTERM');
      expect(server.output.join('')).not.toMatch(/\/join\/|Demo workdomain/);
      expect(await workdomainCount(null, fresh)).toBe(0);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
