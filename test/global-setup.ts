import { existsSync } from 'node:fs';
import { launchSharedChromium, SHARED_CHROMIUM_VARIABLE } from './helpers/browser.ts';
import { chromiumLaunchOptions } from './helpers/chromium-launch.mjs';
import { createTemplateDatabase, TEMPLATE_DATABASE_VARIABLE } from './helpers/databases.ts';
import { migratedPgliteSnapshotFile } from './helpers/pglite-snapshot.ts';

/** Test files named on the command line (`vitest run test/x.test.ts`); none means all. */
const fileFilters = process.argv.slice(2).filter((arg) => !arg.startsWith('-') && arg !== 'run');

/**
 * Once per run, before the workers start (they inherit the variables set here): migrate once, for
 * PGlite a data-directory snapshot and for PostgreSQL a template database that every harness
 * copies, and start the one Chromium the browser tests share.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const needsChromium =
    (fileFilters.length === 0 || fileFilters.some((filter) => filter.includes('e2e'))) &&
    existsSync(chromiumLaunchOptions.executablePath);
  const [template, chromium] = await Promise.all([
    process.env.TEST_DATABASE_URL ? createTemplateDatabase() : null,
    needsChromium ? launchSharedChromium() : null,
    migratedPgliteSnapshotFile(),
  ]);
  if (template) process.env[TEMPLATE_DATABASE_VARIABLE] = template.name;
  if (chromium) process.env[SHARED_CHROMIUM_VARIABLE] = chromium.wsEndpoint();
  return async () => {
    await chromium?.close();
    await template?.drop();
  };
}
