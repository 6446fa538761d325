import path from 'node:path';
import type { Config } from '../config.ts';
import { type Database, embeddedDatabaseExists, openDatabase } from '../db/client.ts';
import { lockDataDir } from '../db/data-dir-lock.ts';
import { CliError } from './errors.ts';

/** DATA_DIR as the operator would type it: relative to where they are, when it is below it. */
function shownDir(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? dir : `./${relative}`;
}

/** DATABASE_URL without its password and query (which may hold one too). */
export function shownDatabaseUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.password = '';
    url.search = '';
    return url.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

/** The first line of what went wrong; connection errors for several addresses have no message of their own. */
function reasonOf(error: any): string {
  const text = error?.message || error?.errors?.[0]?.message || error?.code || String(error);
  return String(text).split('\n')[0]!;
}

export interface CliDatabase {
  db: Database;
  /** Set when this call made a new embedded database: the one line that says so. */
  createdNotice?: string;
  close(): Promise<void>;
}

/**
 * The service's database, as the server would open it. Without DATABASE_URL, the embedded
 * database must already be in DATA_DIR unless `mayCreate`: an operator who forgot the service's
 * environment gets told so, instead of a new empty database beside them.
 */
export async function openCliDatabase(config: Config, mayCreate: boolean): Promise<CliDatabase> {
  if (config.databaseUrl) {
    try {
      const handle = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: null,
        maxConnections: 2,
      });
      return { db: handle.db, close: () => handle.close() };
    } catch (error) {
      throw new CliError(
        `Cannot open the database at ${shownDatabaseUrl(config.databaseUrl)}: ${reasonOf(error)}. Check DATABASE_URL.`,
      );
    }
  }
  const dir = shownDir(config.dataDir);
  if (!mayCreate && !embeddedDatabaseExists(config.dataDir)) {
    throw new CliError(
      `No database in ${dir}: set DATABASE_URL (or --env-file) to use the service's database; to create an embedded one here, run the server once or workdomain create.`,
    );
  }
  const created = !embeddedDatabaseExists(config.dataDir);
  const unlock = lockDataDir(config.dataDir, 'CLI');
  try {
    const handle = await openDatabase({ databaseUrl: null, dataDir: config.dataDir });
    return {
      db: handle.db,
      createdNotice: created
        ? `Created a new embedded database in ${dir} (DATABASE_URL is not set).`
        : undefined,
      async close() {
        await handle.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw new CliError(`Cannot open the embedded database in ${dir}: ${reasonOf(error)}.`);
  }
}
