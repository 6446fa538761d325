import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, pgErrorCode } from '../../server/db/client.ts';

/** The backends every server test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const backends: ('pglite' | 'postgres')[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/** Set by the test run's global setup: a migrated database to copy, so a test file skips the migrations. */
export const TEMPLATE_DATABASE_VARIABLE = 'CHATPOINT_TEST_TEMPLATE_DATABASE';

function baseUrl(): string {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  return base;
}

function urlOf(name: string): string {
  const url = new URL(baseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function asAdmin<T>(work: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(baseUrl(), { max: 1, onnotice: () => {} });
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

const dropDatabase = (name: string) =>
  asAdmin((admin) => admin.unsafe(`drop database if exists ${name} with (force)`)).then(() => {});

/** CREATE DATABASE … TEMPLATE refuses while the template has a session, e.g. one just closing. */
async function createDatabase(name: string, template: string | undefined): Promise<void> {
  const statement = template ? `create database ${name} template ${template}` : `create database ${name}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await asAdmin((admin) => admin.unsafe(statement));
      return;
    } catch (error) {
      if (pgErrorCode(error) !== '55006' || attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/**
 * A PostgreSQL database for one test file; `drop` removes it. Empty by default; with `migrated`
 * it holds the current schema, copied from the run's template database when there is one.
 */
export async function createScratchDatabase(
  options: { migrated?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cp_test_${randomBytes(6).toString('hex')}`;
  const template = options.migrated ? process.env[TEMPLATE_DATABASE_VARIABLE] : undefined;
  await createDatabase(name, template);
  return { url: urlOf(name), drop: () => dropDatabase(name) };
}

/** A migrated database for the whole run to copy (CREATE DATABASE … TEMPLATE); `drop` at the end. */
export async function createTemplateDatabase(): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `cp_template_${randomBytes(6).toString('hex')}`;
  await createDatabase(name, undefined);
  const database = await openDatabase({ databaseUrl: urlOf(name), dataDir: null, maxConnections: 1 });
  await database.close();
  return { name, drop: () => dropDatabase(name) };
}
