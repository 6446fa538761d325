import { defineConfig } from 'vitest/config';
import { ProcessTestsFirst } from './test/sequencer.ts';

export default defineConfig({
  test: {
    // test/postgres/ needs a server it can share between processes and disrupt: only with TEST_DATABASE_URL.
    include: ['test/{integration,security,faults,e2e}/**/*.test.ts', 'server/**/*.test.ts'].concat(
      process.env.TEST_DATABASE_URL ? ['test/postgres/**/*.test.ts'] : [],
    ),
    // Migrates once per run; every harness starts from a copy (test/helpers/databases.ts, pglite-snapshot.ts).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    // A worker runs file after file without reloading the server's modules (seconds each on a busy
    // machine). The files share no state: each builds its own harness and closes it.
    isolate: false,
    sequence: { sequencer: ProcessTestsFirst },
  },
});
