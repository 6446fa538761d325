import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client.ts';
import { emailOutbox, messages, users } from '../../server/db/schema/index.ts';
import { backends, createScratchDatabase } from '../helpers/databases.ts';
import { postJson, type ServerProcess, startServerProcess } from '../helpers/server-process.ts';
import { codeIn, SmtpSink } from '../helpers/smtp-sink.ts';

// Most of this file is waiting (server starts, the lease a killed mail worker leaves behind): the
// backends wait side by side, each one's steps in order.
describe.concurrent.each(backends)('server process killed and restarted on %s', (backend) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chatpoint-crash-'));
  let smtp: SmtpSink;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | null = null;
  let env: Record<string, string>;
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    scratch = backend === 'postgres' ? await createScratchDatabase() : null;
    env = {
      DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      DATABASE_URL: scratch?.url ?? '',
      RATE_LIMIT_STARTS_PER_IP: '1000',
      DEMO: '1',
    };
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await smtp.stop();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  let linkId = '';

  /** On first start the demo seed prints the registration URL. */
  async function startFirstTime(): Promise<ServerProcess> {
    const first = await startServerProcess(env);
    const match = /\/join\/([A-Za-z0-9_-]+)/.exec(first.output.join(''));
    if (!match) throw new Error(`no registration URL printed:\n${first.output.join('')}`);
    linkId = match[1]!;
    return first;
  }

  it.sequential('loses nothing: mail queued before SIGKILL is delivered after restart, a committed registration stays whole', {
    // Four server starts; on a busy machine each can take a minute or more.
    timeout: 600_000,
  }, async () => {
    server = await startFirstTime();

    smtp.refusing = true;
    const started = await postJson(`${server.url}/api/registrations/${linkId}/start`, {
      name: 'Kai',
      email: 'kai@example.com',
    });
    expect(started.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await server.kill('SIGKILL')).toBe(null);

    smtp.refusing = false;
    server = await startServerProcess(env, Number(new URL(server.url).port));
    const mail = await smtp.waitFor('kai@example.com', () => true, 60_000);
    const verified = await postJson(`${server.url}/api/registrations/${linkId}/verify`, {
      registrationId: started.body.registrationId,
      code: codeIn(mail),
    });
    expect(verified.status).toBe(201);
    // Killed right after the commit: nothing may be lost or doubled.
    await server.kill('SIGKILL');
    server = await startServerProcess(env, Number(new URL(server.url).port));
    // The mail to the person in charge was queued in the registration's transaction: it arrives too.
    await smtp.waitFor('', (sent) => sent.subject === 'Kai joined Acme Trading on ChatPoint', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.all('kai@example.com')).toHaveLength(1);
    expect(await server.kill('SIGTERM')).toBe(0);
    server = null;

    const database = await openDatabase({ databaseUrl: scratch?.url ?? null, dataDir });
    try {
      const [user] = await database.db
        .select()
        .from(users)
        .where(eq(users.emailCanonical, 'kai@example.com'));
      expect(user).toMatchObject({ kind: 'external', status: 'active' });
      const welcome = await database.db.select().from(messages).where(eq(messages.kind, 'text'));
      expect(welcome).toHaveLength(1);
      const pending = await database.db.select().from(emailOutbox).where(eq(emailOutbox.status, 'pending'));
      expect(pending).toHaveLength(0);
    } finally {
      await database.close();
    }
  });

  it.sequential('finishes in-flight requests on SIGTERM before exiting', { timeout: 300_000 }, async () => {
    server = linkId ? await startServerProcess(env) : await startFirstTime();
    const port = Number(new URL(server!.url).port);
    const body = JSON.stringify({ name: 'Slow', email: 'slow@example.com' });
    const answer = new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/registrations/${linkId}/start`,
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        server!.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 200);
    });
    // The request that started before SIGTERM gets its real answer, not a reset connection.
    expect(await answer).toBe(202);
    expect(await server!.exited).toBe(0);
    server = null;
  });
});
