import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../helpers/databases.ts';
import { postJson, type ServerProcess, startServerProcess } from '../helpers/server-process.ts';
import { codeIn, SmtpSink } from '../helpers/smtp-sink.ts';

describe('two server processes on one PostgreSQL, no sticky routing', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chatpoint-two-'));
  let smtp: SmtpSink;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let a: ServerProcess;
  let b: ServerProcess;
  let linkId: string;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    scratch = await createScratchDatabase();
    // Instances behind one load balancer share one public URL (the tokens' issuer and audience).
    const env = {
      PUBLIC_URL: 'http://chatpoint.test',
      DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      DATABASE_URL: scratch.url,
      RATE_LIMIT_STARTS_PER_IP: '1000',
      DEMO: '1',
    };
    a = await startServerProcess(env);
    linkId = /\/join\/([A-Za-z0-9_-]+)/.exec(a.output.join(''))![1]!;
    b = await startServerProcess(env);
  });
  afterAll(async () => {
    await Promise.all([a?.kill('SIGTERM'), b?.kill('SIGTERM')]);
    await smtp.stop();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on one, verifies on the other, exchanges on either; each mail is sent once', {
    timeout: 120_000,
  }, async () => {
    const people = Array.from({ length: 8 }, (_, i) => `two${i}@example.com`);
    for (const [i, email] of people.entries()) {
      const first = i % 2 ? a : b;
      const second = i % 2 ? b : a;
      const started = await postJson(`${first.url}/api/registrations/${linkId}/start`, {
        name: `Two ${i}`,
        email,
      });
      expect(started.status).toBe(202);
      const code = codeIn(await smtp.waitFor(email));
      const verified = await postJson(`${second.url}/api/registrations/${linkId}/verify`, {
        registrationId: started.body.registrationId,
        code,
      });
      expect(verified.status).toBe(201);
      const exchanged = await postJson(`${first.url}/api/auth/exchange`, { token: verified.body.loginToken });
      expect(exchanged.status).toBe(200);
      const replay = await postJson(`${second.url}/api/auth/exchange`, { token: verified.body.loginToken });
      expect(replay.status).toBe(401);
    }
    // Both workers poll the same outbox; give them time to (wrongly) double-send.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const email of people) expect(smtp.all(email)).toHaveLength(1);
    // Both processes publish the same signing keys.
    const [jwksA, jwksB] = await Promise.all(
      [a, b].map(async (s) => (await fetch(`${s.url}/.well-known/jwks.json`)).json()),
    );
    expect(jwksA).toEqual(jwksB);
  });
});
