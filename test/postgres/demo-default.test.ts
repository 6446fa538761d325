import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client.ts';
import { users, workdomains } from '../../server/db/schema/index.ts';
import { createScratchDatabase } from '../helpers/databases.ts';
import { startServerProcess } from '../helpers/server-process.ts';
import { SmtpSink } from '../helpers/smtp-sink.ts';

describe('a production database never gets demo accounts unless DEMO=1', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chatpoint-pgdemo-'));
  let smtp: SmtpSink;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    scratch = await createScratchDatabase();
  });
  afterAll(async () => {
    await smtp.stop();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on a fresh PostgreSQL database without DEMO and seeds nothing', {
    timeout: 300_000,
  }, async () => {
    const server = await startServerProcess({
      DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      DATABASE_URL: scratch.url,
      DEMO: '',
    });
    expect(await server.kill('SIGTERM')).toBe(0);
    expect(server.output.join('')).not.toMatch(/\/join\/|Demo workdomain|demo-/);
    const database = await openDatabase({ databaseUrl: scratch.url, dataDir: null });
    try {
      const [domains] = await database.db.select({ total: count() }).from(workdomains);
      const [people] = await database.db.select({ total: count() }).from(users);
      expect([Number(domains!.total), Number(people!.total)]).toEqual([0, 0]);
    } finally {
      await database.close();
    }
  });
});
