import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { withAfterCommit } from './after-commit.ts';
import { withNamedStatements } from './named-statements.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: functions that take this compose into one transaction. */
export type Queryable = Database | Tx;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for PostgreSQL; null for embedded PGlite. */
  databaseUrl: string | null;
  /** Where PGlite keeps its files; null keeps them in memory (tests). */
  dataDir: string | null;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
  /**
   * PGlite only: a data directory to start from (`PGlite#dumpDataDir()` of a migrated database)
   * instead of running initdb. Migrations still run, so an older snapshot is brought up to date.
   */
  pgliteSnapshot?: Blob;
}

/** drizzle/ at the project root: two levels up from this file, one up from the bundled dist/server.js. */
const migrationFolders = ['../../drizzle', '../drizzle'].map((relative) =>
  fileURLToPath(new URL(relative, import.meta.url)),
);
export const migrationsFolder =
  migrationFolders.find((folder) => existsSync(path.join(folder, 'meta', '_journal.json'))) ??
  migrationFolders[0]!;
// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK_ID = 727_274_631;

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.maxConnections ?? 16);
  return openPglite(options.dataDir, options.pgliteSnapshot);
}

/**
 * PostgreSQL's default 128 MB of shared buffers is touched at start-up, so inside the server's
 * process it costs 128 MB of RSS from the first second. The embedded database serves one small
 * deployment, whose working set fits in far less; what does not fit is read back from the files.
 */
const PGLITE_SETTINGS = ['-c', 'shared_buffers=16MB'];

const pgliteDirectory = (dataDir: string) => path.join(dataDir, 'pgdata');

/** Whether DATA_DIR already holds an embedded database (opening it otherwise creates one). */
export function embeddedDatabaseExists(dataDir: string): boolean {
  return existsSync(path.join(pgliteDirectory(dataDir), 'PG_VERSION'));
}

/** Loaded on demand: a server on PostgreSQL never pays PGlite's memory. */
async function openPglite(dataDir: string | null, snapshot?: Blob): Promise<DatabaseHandle> {
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const options = {
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS],
    ...(snapshot ? { loadDataDir: snapshot } : {}),
  };
  let client: InstanceType<typeof PGlite>;
  if (dataDir) {
    const dir = pgliteDirectory(dataDir);
    mkdirSync(dir, { recursive: true });
    client = await PGlite.create(dir, options);
  } else {
    client = await PGlite.create(options);
  }
  const db = drizzle(client, { schema, casing: 'snake_case' });
  await migrate(db, { migrationsFolder });
  return { db: withAfterCommit(db as unknown as Database), kind: 'pglite', close: () => client.close() };
}

async function openPostgres(url: string, max: number): Promise<DatabaseHandle> {
  // Several processes may start at once: one migrates while the others wait on the lock.
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migratePostgres(drizzlePostgres(migrator, { casing: 'snake_case' }), { migrationsFolder });
    await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
  } finally {
    await migrator.end();
  }
  // No type fetch on connect: we use no custom array types, and it cannot fail mid-restart.
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: 5, fetch_types: false });
  const db = drizzlePostgres(withNamedStatements(client), { schema, casing: 'snake_case' });
  return {
    db: withAfterCommit(db as unknown as Database),
    kind: 'postgres',
    close: () => client.end({ timeout: 5 }),
  };
}

/** PostgreSQL error code of a driver error, also when drizzle wrapped it. */
export function pgErrorCode(error: unknown): string | undefined {
  for (let e: any = error; e; e = e.cause) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

export const isUniqueViolation = (error: unknown) => pgErrorCode(error) === '23505';
