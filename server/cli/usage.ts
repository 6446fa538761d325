import { PASSWORD_ENV } from './password.ts';

/** The help text, naming the command the way it was started (`node dist/cli.js` or `npm run cli --`). */
export function usage(program: string): string {
  return `Usage: ${program} <verb> [options]

  workdomain create --name <text> --slug <slug> --plan free|standard|pro|enterprise --external-limit <n> [--create-database]
  user create --workdomain <slug> --email <e> --name <text> [--role member|admin] <password>
  user deactivate --workdomain <slug> --email <e>
  user export --workdomain <slug> --email <e>
  user erase --workdomain <slug> --email <e>
  user set-password --workdomain <slug> --email <e> <password>
  registration open --workdomain <slug> --pic <email> [--welcome <text>]
  registration close --workdomain <slug>
  registration show --workdomain <slug>
  keys rotate

<password> is one of:
  --password-stdin          its first line on standard input
  ${PASSWORD_ENV}=…      in the environment
  --password <p>            on the command line (it stays in the shell history)

Every verb also takes:
  --env-file <path>         read the service's environment file first (variables already set win)
  -h, --help                show this help

The CLI uses the service's database: DATABASE_URL, or without it the embedded database in
DATA_DIR (default ./.data). Only "workdomain create" starts a new embedded database, and says so
on stderr; every other verb refuses when there is none. Prints one JSON object on success;
a one-line reason on stderr and a non-zero exit otherwise.`;
}

/** The pointer every command-line error ends with. */
export const seeHelp = (program: string) => `See: ${program} --help`;
