import { createTemplateDatabase, TEMPLATE_DATABASE_VARIABLE } from './helpers/databases.ts';
import { migratedPgliteSnapshotFile } from './helpers/pglite-snapshot.ts';

/**
 * Once per run, before the workers start (they inherit the variables set here): migrate once, for
 * PGlite a data-directory snapshot and for PostgreSQL a template database that every harness copies.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const [template] = await Promise.all([
    process.env.TEST_DATABASE_URL ? createTemplateDatabase() : null,
    migratedPgliteSnapshotFile(),
  ]);
  if (template) process.env[TEMPLATE_DATABASE_VARIABLE] = template.name;
  return async () => {
    await template?.drop();
  };
}
