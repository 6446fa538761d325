import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openCliDatabase } from './database.ts';
import { loadEnvFile } from './env-file.ts';
import { UsageError } from './errors.ts';
import { readPassword } from './password.ts';
import { seeHelp, usage } from './usage.ts';
import { verbs } from './verbs.ts';

const FLAGS = new Set(['password-stdin', 'create-database']);
const GLOBAL_OPTIONS = new Set(['env-file', 'help']);

type OptionSpec = { type: 'string' | 'boolean'; short?: string };
const optionSpecs: Record<string, OptionSpec> = { 'env-file': { type: 'string' } };
for (const verb of Object.values(verbs))
  for (const name of verb.options) optionSpecs[name] = { type: FLAGS.has(name) ? 'boolean' : 'string' };

export type CliOutcome = { help: string } | { result: unknown; notice?: string };

/** node:util's parse errors as one line: what is wrong, without its advice about positionals. */
function parseProblem(error: any): string {
  const unknown = /^Unknown option '([^']+)'/.exec(error?.message ?? '');
  if (unknown) return `Unknown option ${unknown[1]}.`;
  const missing = /^Option '(--[\w-]+)(?: <value>)?' argument (missing|is ambiguous)/.exec(
    error?.message ?? '',
  );
  if (missing) return `${missing[1]} needs a value.`;
  return String(error?.message ?? error).split(/(?<=\.)\s/)[0]!;
}

function wantsHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  const args = end === -1 ? argv : argv.slice(0, end);
  return args[0] === 'help' || args.includes('--help') || args.includes('-h');
}

/**
 * One CLI command: parse, read the environment (and --env-file), then the password, and only
 * then open the database, so a mistyped command never touches it.
 */
export async function runCli(
  argv: string[],
  program: string,
  io = { stdin: process.stdin },
): Promise<CliOutcome> {
  if (wantsHelp(argv)) return { help: usage(program) };
  if (argv.length === 0) throw new UsageError(usage(program));
  let parsed: ReturnType<typeof parseArgs<{ options: typeof optionSpecs; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: optionSpecs });
  } catch (error) {
    throw new UsageError(`${parseProblem(error)} ${seeHelp(program)}`);
  }
  const { positionals, values } = parsed;
  const verbName = positionals.slice(0, 2).join(' ');
  const verb = positionals.length === 2 ? verbs[verbName] : undefined;
  if (!verb) throw new UsageError(`Unknown command "${positionals.join(' ')}". ${seeHelp(program)}`);
  for (const name of Object.keys(values)) {
    if (!GLOBAL_OPTIONS.has(name) && !verb.options.includes(name))
      throw new UsageError(`${verbName} does not take --${name}. ${seeHelp(program)}`);
  }
  const options = values as Record<string, string | undefined>;
  for (const name of verb.required) {
    if (!options[name]) throw new UsageError(`${verbName} needs --${name}. ${seeHelp(program)}`);
  }

  if (typeof values['env-file'] === 'string') loadEnvFile(values['env-file']);
  const password = verb.password
    ? await readPassword(
        {
          password: options.password,
          passwordStdin: values['password-stdin'] === true,
          env: process.env,
          stdin: io.stdin,
        },
        verbName,
      )
    : '';
  const config = loadConfig();
  const database = await openCliDatabase(config, !!verb.createsDatabase);
  try {
    const result = await verb.run({ db: database.db, options, password, publicUrl: config.publicUrl });
    return { result, notice: database.createdNotice };
  } finally {
    await database.close();
  }
}
