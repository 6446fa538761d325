/** The command line was wrong: a one-line reason with a pointer to --help; exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The command was understood but cannot run here (no database, unreadable file…); exit 1. */
export class CliError extends Error {
  override name = 'CliError';
}
