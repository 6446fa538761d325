import path from 'node:path';

export interface RateLimitConfig {
  /** Codes sent to one email address per 15 minutes. */
  sendsPerEmailShort: number;
  /** Codes sent to one email address per day. */
  sendsPerEmailDaily: number;
  /** Registration starts from one client IP per 10 minutes. */
  startsPerIp: number;
  /** Failed password logins per account per 15 minutes. */
  loginFailuresPerAccount: number;
  /** Seconds between two sends for one registration. */
  resendCooldownSeconds: number;
}

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | null;
  dataDir: string;
  smtpUrl: string | null;
  mailFrom: string;
  signingKeys: string | null;
  appScheme: string;
  iosAppIds: string[];
  androidApps: { packageName: string; fingerprint: string }[];
  trustProxy: boolean;
  rateLimits: RateLimitConfig;
  /** Verifies waiting for a password-hash slot before new ones get 503 overloaded. */
  maxQueuedHashes: number;
  /** WEBHOOK_ALLOW_PRIVATE=1: webhooks may target loopback/private addresses and plain http. */
  webhookAllowPrivate: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  }
  return value;
}

function origin(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an absolute http(s) URL, got "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must use http or https, got "${raw}".`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function androidApps(raw: string | undefined) {
  return list(raw).map((entry) => {
    const match = /^([A-Za-z][\w.]*)@(?:SHA256:)?([0-9A-Fa-f:]{95})$/.exec(entry);
    if (!match) {
      throw new ConfigError(`ANDROID_APPS entries look like package.name@SHA256:AB:CD:…, got "${entry}".`);
    }
    return { packageName: match[1]!, fingerprint: match[2]!.toUpperCase() };
  });
}

function iosAppIds(raw: string | undefined): string[] {
  const ids = list(raw);
  for (const id of ids) {
    if (!/^[A-Z0-9]{10}\.[\w.-]+$/.test(id)) {
      throw new ConfigError(`IOS_APP_IDS entries look like TEAMID.bundle.id, got "${id}".`);
    }
  }
  return ids;
}

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 8787, 0, 65535);
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://.');
  }
  const smtpUrl = env.SMTP_URL || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL must look like smtp://[user:pass@]host:port or smtps://….');
  }
  const mailFrom = env.MAIL_FROM || 'ChatPoint <no-reply@localhost>';
  if (/[\r\n]/.test(mailFrom)) throw new ConfigError('MAIL_FROM must be one line.');
  const appScheme = env.APP_SCHEME || 'chatpoint';
  if (!/^[a-z][a-z0-9+.-]*$/.test(appScheme)) {
    throw new ConfigError(`APP_SCHEME must be a URL scheme such as "chatpoint", got "${appScheme}".`);
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    publicUrl: origin('PUBLIC_URL', env.PUBLIC_URL || `http://localhost:${port}`),
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR || './.data'),
    smtpUrl,
    mailFrom,
    signingKeys: env.SIGNING_KEYS || null,
    appScheme,
    iosAppIds: iosAppIds(env.IOS_APP_IDS),
    androidApps: androidApps(env.ANDROID_APPS),
    trustProxy: env.TRUST_PROXY === '1',
    rateLimits: {
      sendsPerEmailShort: integer(env, 'RATE_LIMIT_SENDS_PER_EMAIL', 3, 1, 1_000_000),
      sendsPerEmailDaily: integer(env, 'RATE_LIMIT_SENDS_PER_EMAIL_DAILY', 10, 1, 1_000_000),
      startsPerIp: integer(env, 'RATE_LIMIT_STARTS_PER_IP', 30, 1, 1_000_000),
      loginFailuresPerAccount: integer(env, 'RATE_LIMIT_LOGIN_FAILURES', 10, 1, 1_000_000),
      resendCooldownSeconds: integer(env, 'RESEND_COOLDOWN_SECONDS', 60, 0, 3600),
    },
    maxQueuedHashes: integer(env, 'MAX_QUEUED_HASHES', 64, 1, 100_000),
    webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE === '1',
  };
}
