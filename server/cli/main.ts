import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../config.ts';
import { DataDirBusyError } from '../db/data-dir-lock.ts';
import { AppError } from '../errors.ts';
import { CliError, UsageError } from './errors.ts';
import { runCli } from './run.ts';

/**
 * How the operator started this CLI, for its usage and errors: from source it is `npm run cli --`
 * (tsx runs this file), from the build `node dist/cli.js` (this file bundled).
 */
function programName(): string {
  const file = fileURLToPath(import.meta.url);
  if (file.endsWith('.ts')) return 'npm run cli --';
  const relative = path.relative(process.cwd(), file);
  return `node ${relative.startsWith('..') || path.isAbsolute(relative) ? file : relative}`;
}

function failureLine(error: any): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  if (
    error instanceof UsageError ||
    error instanceof CliError ||
    error instanceof ConfigError ||
    error instanceof DataDirBusyError
  )
    return error.message;
  return `Unexpected error: ${String(error?.message ?? error).split('\n')[0]}`;
}

runCli(process.argv.slice(2), programName()).then(
  (outcome) => {
    if ('notice' in outcome && outcome.notice) process.stderr.write(`${outcome.notice}\n`);
    process.stdout.write('help' in outcome ? `${outcome.help}\n` : `${JSON.stringify(outcome.result)}\n`);
    process.exit(0);
  },
  (error) => {
    process.stderr.write(`${failureLine(error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
