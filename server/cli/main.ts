import { parseArgs } from 'node:util';
import { createPasswordHasher } from '../accounts/password-hasher.ts';
import { setUserPassword } from '../accounts/set-password.ts';
import { createInternalUser, findUserByEmail } from '../accounts/users.ts';
import { deactivateUser } from '../admin/users.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { DataDirBusyError, lockDataDir } from '../db/data-dir-lock.ts';
import { AppError } from '../errors.ts';
import { rotateStoredSigningKey } from '../keys/key-ring.ts';
import { closeRegistration, openRegistration } from '../registration/availability.ts';
import { showRegistration, updateRegistrationSettings } from '../registration/settings.ts';
import { createWorkdomain, findWorkdomainBySlug } from '../workdomains/workdomains.ts';

const USAGE = `Usage: npm run cli -- <verb> [options]
  workdomain create --name <text> --slug <slug> --plan free|standard|pro|enterprise --external-limit <n>
  user create --workdomain <slug> --email <e> --name <text> --password <p> [--role member|admin]
  user deactivate --workdomain <slug> --email <e>
  user set-password --workdomain <slug> --email <e> --password <p>
  registration open --workdomain <slug> --pic <email> [--welcome <text>]
  registration close --workdomain <slug>
  registration show --workdomain <slug>
  keys rotate`;

class UsageError extends Error {}

const operator = { kind: 'operator' } as const;

function required(values: Record<string, string | undefined>, name: string): string {
  const value = values[name];
  if (value === undefined || value === '') throw new UsageError(`--${name} is required.\n${USAGE}`);
  return value;
}

type Verb = (db: Database, values: Record<string, string | undefined>, publicUrl: string) => Promise<unknown>;

const verbs: Record<string, Verb> = {
  'workdomain create': async (db, v) => {
    const limit = Number(required(v, 'external-limit'));
    const workdomain = await createWorkdomain(db, {
      name: required(v, 'name'),
      slug: required(v, 'slug'),
      plan: required(v, 'plan'),
      externalUserLimit: limit,
    });
    return { id: workdomain.id, slug: workdomain.slug };
  },
  'user create': async (db, v) => {
    const role = v.role ?? 'member';
    if (role !== 'member' && role !== 'admin') throw new UsageError('--role is member or admin.');
    const workdomain = await findWorkdomainBySlug(db, required(v, 'workdomain'));
    const user = await createInternalUser(db, createPasswordHasher(1), {
      workdomainId: workdomain.id,
      email: required(v, 'email'),
      name: required(v, 'name'),
      password: required(v, 'password'),
      role,
    });
    return { id: user.id, email: user.email };
  },
  'user deactivate': async (db, v, publicUrl) => {
    const workdomain = await findWorkdomainBySlug(db, required(v, 'workdomain'));
    const user = await findUserByEmail(db, workdomain.id, required(v, 'email'));
    await deactivateUser(db, workdomain.id, user.id, operator, publicUrl);
    return { id: user.id, status: 'inactive' };
  },
  'user set-password': async (db, v) => {
    const workdomain = await findWorkdomainBySlug(db, required(v, 'workdomain'));
    return setUserPassword(db, createPasswordHasher(1), workdomain, {
      email: required(v, 'email'),
      password: required(v, 'password'),
    });
  },
  'registration open': async (db, v, publicUrl) => {
    const workdomain = await findWorkdomainBySlug(db, required(v, 'workdomain'));
    const pic = await findUserByEmail(db, workdomain.id, required(v, 'pic'));
    await updateRegistrationSettings(
      db,
      workdomain.id,
      { picUserId: pic.id, welcomeMessage: v.welcome },
      operator,
      publicUrl,
    );
    await openRegistration(db, workdomain.id, operator);
    const view = await showRegistration(db, workdomain.id, publicUrl);
    return { linkId: view.linkId, url: view.url, embed: view.embed };
  },
  'registration close': async (db, v, publicUrl) => {
    const workdomain = await findWorkdomainBySlug(db, required(v, 'workdomain'));
    await closeRegistration(db, workdomain.id, operator);
    const view = await showRegistration(db, workdomain.id, publicUrl);
    return { open: view.open };
  },
  'registration show': async (db, v, publicUrl) => {
    const workdomain = await findWorkdomainBySlug(db, required(v, 'workdomain'));
    return showRegistration(db, workdomain.id, publicUrl);
  },
  'keys rotate': async (db) => ({
    kid: await rotateStoredSigningKey(db),
    note: 'Restart the servers to sign with it.',
  }),
};

async function run(argv: string[]): Promise<unknown> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      plan: { type: 'string' },
      'external-limit': { type: 'string' },
      workdomain: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      pic: { type: 'string' },
      welcome: { type: 'string' },
    },
  });
  const verb = verbs[positionals.slice(0, 2).join(' ')];
  if (!verb || positionals.length !== 2) throw new UsageError(USAGE);
  const config = loadConfig();
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir, 'CLI');
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    maxConnections: 2,
  });
  try {
    return await verb(database.db, values as Record<string, string | undefined>, config.publicUrl);
  } finally {
    await database.close();
    unlock();
  }
}

run(process.argv.slice(2)).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error) => {
    const known =
      error instanceof UsageError ||
      error instanceof ConfigError ||
      error instanceof DataDirBusyError ||
      error instanceof AppError ||
      error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    const message = known ? error.message : `Unexpected error: ${error?.message ?? error}`;
    process.stderr.write(
      `${known && error instanceof AppError ? `${error.code}: ` : ''}${message.split('\n')[0]}\n`,
    );
    if (error instanceof UsageError && message.includes('\n'))
      process.stderr.write(`${message.slice(message.indexOf('\n') + 1)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
