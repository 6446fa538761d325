import { createPasswordHasher } from '../accounts/password-hasher.ts';
import { setUserPassword } from '../accounts/set-password.ts';
import { createInternalUser, findUserByEmail } from '../accounts/users.ts';
import { deactivateUser } from '../admin/users.ts';
import type { Database } from '../db/client.ts';
import { rotateStoredSigningKey } from '../keys/key-ring.ts';
import { eraseUser } from '../privacy/erase.ts';
import { exportUser } from '../privacy/export.ts';
import { closeRegistration, openRegistration } from '../registration/availability.ts';
import { showRegistration, updateRegistrationSettings } from '../registration/settings.ts';
import { createWorkdomain, findWorkdomainBySlug } from '../workdomains/workdomains.ts';
import { UsageError } from './errors.ts';

export interface VerbInput {
  db: Database;
  /** The verb's options; every name in `required` is present and not empty. */
  options: Record<string, string | undefined>;
  /** Read from --password-stdin, CHATPOINT_PASSWORD or --password, for verbs with `password`. */
  password: string;
  publicUrl: string;
}

export interface Verb {
  /** Options the verb takes (besides --env-file and --help). */
  options: readonly string[];
  required: readonly string[];
  /** Takes a password from --password-stdin, CHATPOINT_PASSWORD or --password. */
  password?: true;
  /** May start a new embedded database (the first verb of a first run); says so on stderr. */
  createsDatabase?: true;
  run(input: VerbInput): Promise<unknown>;
}

const operator = { kind: 'operator' } as const;
const PASSWORD_OPTIONS = ['password', 'password-stdin'] as const;

export const verbs: Record<string, Verb> = {
  'workdomain create': {
    options: ['name', 'slug', 'plan', 'external-limit', 'create-database'],
    required: ['name', 'slug', 'plan', 'external-limit'],
    createsDatabase: true,
    async run({ db, options }) {
      const workdomain = await createWorkdomain(db, {
        name: options.name!,
        slug: options.slug!,
        plan: options.plan!,
        externalUserLimit: Number(options['external-limit']),
      });
      return { id: workdomain.id, slug: workdomain.slug };
    },
  },
  'user create': {
    options: ['workdomain', 'email', 'name', 'role', ...PASSWORD_OPTIONS],
    required: ['workdomain', 'email', 'name'],
    password: true,
    async run({ db, options, password }) {
      const role = options.role ?? 'member';
      if (role !== 'member' && role !== 'admin') throw new UsageError('--role is member or admin.');
      const workdomain = await findWorkdomainBySlug(db, options.workdomain!);
      const user = await createInternalUser(db, createPasswordHasher(1), {
        workdomainId: workdomain.id,
        email: options.email!,
        name: options.name!,
        password,
        role,
      });
      return { id: user.id, email: user.email };
    },
  },
  'user deactivate': {
    options: ['workdomain', 'email'],
    required: ['workdomain', 'email'],
    async run({ db, options, publicUrl }) {
      const workdomain = await findWorkdomainBySlug(db, options.workdomain!);
      const user = await findUserByEmail(db, workdomain.id, options.email!);
      await deactivateUser(db, workdomain.id, user.id, operator, publicUrl);
      return { id: user.id, status: 'inactive' };
    },
  },
  'user export': {
    options: ['workdomain', 'email'],
    required: ['workdomain', 'email'],
    async run({ db, options }) {
      const workdomain = await findWorkdomainBySlug(db, options.workdomain!);
      const user = await findUserByEmail(db, workdomain.id, options.email!);
      return exportUser(db, workdomain.id, user.id);
    },
  },
  'user erase': {
    options: ['workdomain', 'email'],
    required: ['workdomain', 'email'],
    async run({ db, options }) {
      const workdomain = await findWorkdomainBySlug(db, options.workdomain!);
      const user = await findUserByEmail(db, workdomain.id, options.email!);
      await eraseUser(db, workdomain.id, user.id, operator);
      return { id: user.id, erased: true };
    },
  },
  'user set-password': {
    options: ['workdomain', 'email', ...PASSWORD_OPTIONS],
    required: ['workdomain', 'email'],
    password: true,
    async run({ db, options, password }) {
      const workdomain = await findWorkdomainBySlug(db, options.workdomain!);
      return setUserPassword(db, createPasswordHasher(1), workdomain, { email: options.email!, password });
    },
  },
  'registration open': {
    options: ['workdomain', 'pic', 'welcome'],
    required: ['workdomain', 'pic'],
    async run({ db, options, publicUrl }) {
      const workdomain = await findWorkdomainBySlug(db, options.workdomain!);
      const pic = await findUserByEmail(db, workdomain.id, options.pic!);
      await updateRegistrationSettings(
        db,
        workdomain.id,
        { picUserId: pic.id, welcomeMessage: options.welcome },
        operator,
        publicUrl,
      );
      await openRegistration(db, workdomain.id, operator);
      const view = await showRegistration(db, workdomain.id, publicUrl);
      return { linkId: view.linkId, url: view.url, embed: view.embed };
    },
  },
  'registration close': {
    options: ['workdomain'],
    required: ['workdomain'],
    async run({ db, options, publicUrl }) {
      const workdomain = await findWorkdomainBySlug(db, options.workdomain!);
      await closeRegistration(db, workdomain.id, operator);
      const view = await showRegistration(db, workdomain.id, publicUrl);
      return { open: view.open };
    },
  },
  'registration show': {
    options: ['workdomain'],
    required: ['workdomain'],
    async run({ db, options, publicUrl }) {
      const workdomain = await findWorkdomainBySlug(db, options.workdomain!);
      return showRegistration(db, workdomain.id, publicUrl);
    },
  },
  'keys rotate': {
    options: [],
    required: [],
    async run({ db }) {
      return { kid: await rotateStoredSigningKey(db), note: 'Restart the servers to sign with it.' };
    },
  },
};
