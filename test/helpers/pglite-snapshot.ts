import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from '../../server/db/client.ts';

/**
 * A fresh PGlite costs seconds of initdb, far more than the tests that follow it. Every harness on
 * PGlite therefore starts from one migrated data directory, made once and kept on disk under a name
 * that changes with the migrations and PGlite's version, so a new migration makes a new snapshot.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const cacheDir = path.join(root, 'node_modules/.cache/chatpoint-test');

function snapshotKey(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json')));
  for (const file of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    if (!/\.(sql|json)$/.test(file)) continue;
    hash.update(file).update(readFileSync(path.join(migrationsFolder, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function makeSnapshot(): Promise<Uint8Array> {
  const client = await PGlite.create();
  try {
    await migrate(drizzle(client), { migrationsFolder });
    return new Uint8Array(await (await client.dumpDataDir('none')).arrayBuffer());
  } finally {
    await client.close();
  }
}

/** The snapshot's file, made now when missing (written whole, then renamed: readers never see half). */
export async function migratedPgliteSnapshotFile(): Promise<string> {
  const file = path.join(cacheDir, `pglite-${snapshotKey()}.tar`);
  if (existsSync(file)) return file;
  const tarball = await makeSnapshot();
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, tarball);
  renameSync(partial, file);
  return file;
}

let snapshot: Promise<Blob> | undefined;

/** The migrated data directory every PGlite harness in this process starts from. */
export function migratedPgliteSnapshot(): Promise<Blob> {
  snapshot ??= migratedPgliteSnapshotFile().then((file) => new Blob([readFileSync(file)]));
  return snapshot;
}
