import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, migrationsFolder } from './client.ts';

const TIMEOUT_MS = 3000;

let journal: number[] | undefined;
/** The `when` stamps of every migration in drizzle/, which drizzle records as `created_at` when applied. */
function expectedMigrations(): number[] {
  journal ??= (
    JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { when: number }[];
    }
  ).entries.map((entry) => entry.when);
  return journal;
}

async function missingMigrations(db: Database): Promise<number> {
  const result: any = await db.execute(sql`select created_at from drizzle.__drizzle_migrations`);
  const rows: { created_at: string | number }[] = Array.isArray(result) ? result : result.rows;
  const applied = new Set(rows.map((row) => Number(row.created_at)));
  return expectedMigrations().filter((when) => !applied.has(when)).length;
}

/** Null when the database answers and every migration is applied; otherwise why not. */
export async function notReadyReason(db: Database): Promise<{ reason: string; error?: unknown } | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS);
  });
  try {
    const missing = await Promise.race([missingMigrations(db), timeout]);
    if (missing === 'timeout')
      return { reason: `The database did not answer within ${TIMEOUT_MS / 1000} s.` };
    if (missing > 0) return { reason: `${missing} database migration(s) are not applied yet.` };
    return null;
  } catch (error) {
    return { reason: 'The database does not answer, or its migrations table is missing.', error };
  } finally {
    clearTimeout(timer);
  }
}
