// postgres.js 3.4.9 writes to a socket that a dropped connection has already nulled, from a
// setImmediate where nothing can catch it: a database restart then crashes the whole process
// (porsager/postgres#1154, #1208). Until a fixed release exists, guard the write and clear the
// buffered chunk on teardown. Idempotent; runs after every install.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const files = ['node_modules/postgres/src/connection.js', 'node_modules/postgres/cjs/src/connection.js'];
const MARK = '/* chatpoint: null-socket guard */';

for (const file of files) {
  if (!existsSync(file)) continue;
  let source = readFileSync(file, 'utf8');
  if (source.includes(MARK)) continue;
  const before = source;
  source = source.replace(
    '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
    `  function nextWrite(fn) {\n    ${MARK}\n    if (!socket) {\n      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n      chunk = nextWriteTimer = null\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
  );
  source = source.replaceAll(
    '    clearImmediate(nextWriteTimer)\n',
    '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n',
  );
  if (source === before || !source.includes(MARK)) {
    console.error(`patch-postgres: ${file} does not look like postgres.js 3.4.9; not patched.`);
    process.exitCode = 1;
    continue;
  }
  writeFileSync(file, source);
}
