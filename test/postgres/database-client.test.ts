import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, pgErrorCode } from '../../server/db/client.ts';
import { pipeline } from '../../server/db/pipeline.ts';
import { createScratchDatabase } from '../helpers/databases.ts';

const preparedCount = async (db: Awaited<ReturnType<typeof openDatabase>>['db'], text: string) => {
  const rows = (await db.execute(
    sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${text}%`}`,
  )) as unknown as { n: number }[];
  return rows[0]!.n;
};

describe('PostgreSQL statements', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
  });
  afterAll(() => scratch.drop());

  it('are named and parsed once per connection, also inside transactions', async () => {
    const handle = await openDatabase({ databaseUrl: scratch.url, dataDir: null, maxConnections: 1 });
    try {
      const lookup = (db: typeof handle.db, n: number) =>
        db.execute(sql`select ${n}::int + 1 as probe_named_statement`);
      for (let n = 0; n < 3; n++) await lookup(handle.db, n);
      await handle.db.transaction(async (tx) => {
        await lookup(tx, 7);
        await tx.transaction((inner) => lookup(inner, 8));
      });
      // One connection: every call above used the same named statement.
      expect(await preparedCount(handle.db, 'probe_named_statement')).toBe(1);
    } finally {
      await handle.close();
    }
  });

  it('stay unnamed with ?prepare=false, for a pooler in transaction mode', async () => {
    const url = new URL(scratch.url);
    url.searchParams.set('prepare', 'false');
    const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: null, maxConnections: 1 });
    try {
      await handle.db.execute(sql`select ${1}::int as probe_unnamed_statement`);
      expect(await preparedCount(handle.db, 'probe_unnamed_statement')).toBe(0);
    } finally {
      await handle.close();
    }
  });

  it('report the failed statement of a pipeline, not the ones the aborted transaction refused after it', async () => {
    const handle = await openDatabase({ databaseUrl: scratch.url, dataDir: null, maxConnections: 1 });
    try {
      for (let round = 0; round < 3; round++) {
        const failure = await handle.db
          .transaction((tx) =>
            pipeline([
              tx.execute(sql`select 1`),
              tx.execute(sql`select ${round}::int / 0`),
              tx.execute(sql`select 2`),
              tx.execute(sql`select 3`),
            ]),
          )
          .catch((error: unknown) => error);
        expect(pgErrorCode(failure)).toBe('22012'); // division_by_zero, not 25P02
      }
    } finally {
      await handle.close();
    }
  });
});
