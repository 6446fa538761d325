import { UsageError } from './errors.ts';

/** Where a password may come from besides the command line, which shell history keeps. */
export const PASSWORD_ENV = 'CHATPOINT_PASSWORD';

export interface PasswordSources {
  password?: string | undefined;
  passwordStdin?: boolean | undefined;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
}

/** The first line of a stream (what `echo`, a file or `pass show` gives), without its line break. */
async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) {
    text += chunk;
    if (/\r?\n/.test(text)) break;
  }
  return text.split(/\r?\n/)[0]!;
}

/**
 * The password of `user create` and `user set-password`, from exactly one source: standard input,
 * the command line, or CHATPOINT_PASSWORD (used only when neither flag is given).
 */
export async function readPassword(sources: PasswordSources, verbName: string): Promise<string> {
  if (sources.passwordStdin && sources.password !== undefined) {
    throw new UsageError('Give the password one way: --password-stdin or --password, not both.');
  }
  if (sources.passwordStdin) {
    const password = await readFirstLine(sources.stdin);
    if (!password) throw new UsageError('--password-stdin read no password from standard input.');
    return password;
  }
  if (sources.password !== undefined) return sources.password;
  const fromEnv = sources.env[PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  throw new UsageError(
    `${verbName} needs a password: --password-stdin, ${PASSWORD_ENV} in the environment, or --password <p>.`,
  );
}
