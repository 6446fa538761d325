import { CliError } from './errors.ts';

/**
 * `--env-file <path>`: the same file and rules as `node --env-file` (variables already set win).
 * Node 20 also looks at this flag among a script's arguments and stops with its own one-line
 * "node: <path>: not found" when the file is missing, before this runs.
 */
export function loadEnvFile(file: string): void {
  try {
    process.loadEnvFile(file);
  } catch (error: any) {
    const reason = error?.code === 'ENOENT' ? 'no such file' : 'not a readable environment file';
    throw new CliError(`Cannot read --env-file ${file}: ${reason}.`);
  }
}
