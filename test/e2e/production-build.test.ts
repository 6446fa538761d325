import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/server-process.ts';

const run = promisify(execFile);

/**
 * The production path, as the Dockerfile runs it: dist/ and drizzle/ with production
 * dependencies only (no tsx, React, Vite or TypeScript), then `node dist/server.js` and
 * `node dist/cli.js`. Needs `npm run build` first (npm test runs it).
 */
describe('node dist/server.js with production dependencies only', () => {
  const root = path.resolve('.');
  let dir: string;
  let dataDir: string;
  let server: ChildProcess | undefined;
  let output = '';
  let base = '';

  beforeAll(async () => {
    if (!existsSync(path.join(root, 'dist', 'server.js')))
      throw new Error('dist/server.js is missing: npm run build');
    dir = mkdtempSync(path.join(tmpdir(), 'chatpoint-prod-'));
    dataDir = path.join(dir, 'data');
    // The CLI's source launcher too, as the Dockerfile copies it: it must explain itself without tsx.
    for (const entry of [
      'package.json',
      'package-lock.json',
      'dist',
      'drizzle',
      'scripts/cli-from-source.mjs',
    ])
      cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
    await run(
      'npm',
      ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
      {
        cwd: dir,
        timeout: 240_000,
      },
    );

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['dist/server.js'], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: base,
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk) => {
      output += chunk;
    });
    server.stderr!.on('data', (chunk) => {
      output += chunk;
    });
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`dist/server.js exited:\n${output}`);
      const ready = await fetch(`${base}/readyz`).catch(() => null);
      if (ready?.status === 200 && output.includes('embed snippet')) break;
      if (Date.now() > deadline) throw new Error(`dist/server.js did not become ready:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 300_000);

  afterAll(async () => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('installed no build tool, renderer or bundled package', () => {
    for (const name of [
      'tsx',
      'react',
      'react-dom',
      '@react-email/components',
      'vite',
      'typescript',
      'esbuild',
      'postgres',
      'drizzle-orm',
    ])
      expect(existsSync(path.join(dir, 'node_modules', name)), name).toBe(false);
    expect(existsSync(path.join(dir, 'node_modules', 'hono'))).toBe(true);
  });

  it('is ready and serves the compressed widget', async () => {
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ ok: true });
    const widget = await fetch(`${base}/widget/chatpoint-register.js`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-encoding')).toBe('br');
    expect(widget.headers.get('etag')).toBeTruthy();
    // fetch decodes brotli itself: what arrives must be the built module.
    expect(await widget.text()).toBe(
      readFileSync(path.join(dir, 'dist/widget/chatpoint-register.js'), 'utf8'),
    );
  });

  it('registers on the demo link, with the mail rendered at build time', async () => {
    const linkId = /registration page: \S+\/join\/(\S+)/.exec(output)?.[1];
    expect(linkId).toBeTruthy();
    const post = (url: string, body: unknown) =>
      fetch(`${base}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const started = await post(`/api/registrations/${linkId}/start`, {
      name: 'Prod Check',
      email: 'prod.check@example.com',
    });
    expect(started.status).toBe(202);
    const { registrationId } = await started.json();

    let mail: { subject: string; html: string; text: string } | undefined;
    for (let tries = 0; !mail && tries < 100; tries++) {
      const { messages } = await (await fetch(`${base}/dev/mailbox.json`)).json();
      mail = messages.find((message: { to: string }) => message.to === 'prod.check@example.com');
      if (!mail) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(mail).toBeTruthy();
    const code = /\b(\d{6})\b/.exec(mail!.subject)![1]!;
    expect(mail!.text).toContain(code);
    expect(mail!.text).toContain('Prod Check');
    expect(mail!.html).toContain(code);
    expect(mail!.html).not.toMatch(/\{\{\w+\}\}/);

    const verified = await post(`/api/registrations/${linkId}/verify`, { registrationId, code });
    expect(verified.status).toBe(201);
    expect((await verified.json()).user.email).toBe('prod.check@example.com');
  });

  it('stops on SIGTERM, then the CLI works on the same data', async () => {
    const exited = new Promise<number | null>((resolve) => server!.once('exit', resolve));
    server!.kill('SIGTERM');
    expect(await exited).toBe(0);
    const { stdout } = await run(
      process.execPath,
      ['dist/cli.js', 'registration', 'show', '--workdomain', 'acme'],
      {
        cwd: dir,
        env: { PATH: process.env.PATH, DATA_DIR: dataDir },
      },
    );
    const shown = JSON.parse(stdout);
    expect(shown.open).toBe(true);
    expect(shown.capacity.used).toBe(1);
  });

  it('names node dist/cli.js in its help, and npm run cli points there instead of failing on tsx', async () => {
    const help = await run(process.execPath, ['dist/cli.js', '--help'], {
      cwd: dir,
      env: { PATH: process.env.PATH },
    });
    expect(help.stdout).toMatch(/^Usage: node dist\/cli\.js <verb>/);
    const fromSource = await run('npm', ['run', '--silent', 'cli', '--', '--help'], {
      cwd: dir,
      env: { PATH: process.env.PATH },
    }).catch((error) => error);
    expect(fromSource.code).toBe(1);
    expect(fromSource.stderr).not.toContain('tsx: not found');
    expect(fromSource.stderr).toContain('node dist/cli.js <verb>');
  });
});
