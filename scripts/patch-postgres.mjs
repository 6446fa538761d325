// postgres.js 3.4.9 writes to a socket that a dropped connection has already nulled, from a
// setImmediate where nothing can catch it: a database restart then crashes the whole process
// (porsager/postgres#1154, #1208). Until a fixed release exists, guard the write and clear the
// buffered chunk on teardown. Runs after every install (idempotent) for source runs; the
// production build applies the same patch to the copy it bundles into dist/server.js.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MARK = '/* chatpoint: null-socket guard */';

/** The patched source of postgres.js's connection.js; throws when it does not look like 3.4.9. */
export function patchPostgresConnection(source) {
  if (source.includes(MARK)) return source;
  const patched = source
    .replace(
      '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
      `  function nextWrite(fn) {\n    ${MARK}\n    if (!socket) {\n      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n      chunk = nextWriteTimer = null\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
    )
    .replaceAll(
      '    clearImmediate(nextWriteTimer)\n',
      '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n',
    );
  if (patched === source || !patched.includes(MARK))
    throw new Error('postgres.js connection.js does not look like 3.4.9; not patched.');
  return patched;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = ['node_modules/postgres/src/connection.js', 'node_modules/postgres/cjs/src/connection.js'];
  for (const file of files) {
    if (!existsSync(file)) continue;
    try {
      writeFileSync(file, patchPostgresConnection(readFileSync(file, 'utf8')));
    } catch (error) {
      console.error(`patch-postgres: ${file}: ${error.message}`);
      process.exitCode = 1;
    }
  }
}
