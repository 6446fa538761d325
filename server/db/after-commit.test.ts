import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterCommit, withAfterCommit } from './after-commit.ts';
import type { Database } from './client.ts';

let client: PGlite;
let db: Database;
// Starting PGlite takes seconds on a busy machine: not part of any test's time.
beforeAll(async () => {
  client = await PGlite.create();
  db = withAfterCommit(drizzle(client) as unknown as Database);
}, 120_000);
afterAll(() => client?.close());

describe('afterCommit', () => {
  it('runs after COMMIT, not before', async () => {
    const ran: string[] = [];
    await db.transaction(async (tx) => {
      afterCommit(tx, () => ran.push('woken'));
      await tx.execute(sql`select 1`);
      ran.push('end of transaction');
    });
    expect(ran).toEqual(['end of transaction', 'woken']);
  });

  it('runs nothing when the transaction rolls back', async () => {
    const ran: string[] = [];
    await expect(
      db.transaction(async (tx) => {
        afterCommit(tx, () => ran.push('woken'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await db
      .transaction(async (tx) => {
        afterCommit(tx, () => ran.push('explicit rollback'));
        tx.rollback();
      })
      .catch(() => {});
    expect(ran).toEqual([]);
  });

  it("keeps a released savepoint's work for the commit and drops a rolled-back one", async () => {
    const ran: string[] = [];
    await db.transaction(async (tx) => {
      await tx.transaction(async (inner) => afterCommit(inner, () => ran.push('released')));
      await tx
        .transaction(async (inner) => {
          afterCommit(inner, () => ran.push('rolled back'));
          throw new Error('savepoint refused');
        })
        .catch(() => {});
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(['released']);
  });

  it('runs at once outside a transaction, and a failing task does not fail the caller', async () => {
    const ran: string[] = [];
    afterCommit(db, () => {
      throw new Error('ignored');
    });
    afterCommit(db, () => ran.push('now'));
    expect(ran).toEqual(['now']);
  });
});
