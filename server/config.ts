import path from 'node:path';
import { LOG_LEVELS, type LogLevel } from './logger.ts';

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
  /** Reverse proxies in front: the client IP is this many X-Forwarded-For entries from the right; 0 ignores it. */
  trustProxy: number;
  /** Seed the demo workdomain on an empty database. */
  demo: boolean;
  /** Mail goes to the dev mailbox (no SMTP_URL, and PUBLIC_URL is loopback or DEV_MAILBOX=1). */
  devMailbox: boolean;
  /** Finished records older than this many days are deleted by the retention sweep. */
  retentionDays: number;
  rateLimits: RateLimitConfig;
  /** Verifies waiting for a password-hash slot before new ones get 503 overloaded. */
  maxQueuedHashes: number;
  /** Operations: the least severe log level written, and the bearer token for GET /metrics (null: 404). */
  logLevel: LogLevel;
  metricsToken: string | null;
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

function logLevel(raw: string | undefined): LogLevel {
  const level = (raw || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new ConfigError(`LOG_LEVEL is one of ${LOG_LEVELS.join(', ')}, got "${raw}".`);
  return level as LogLevel;
}

function metricsToken(raw: string | undefined): string | null {
  if (!raw) return null;
  if (raw.length < 16 || /\s/.test(raw))
    throw new ConfigError('METRICS_TOKEN must be at least 16 characters without spaces.');
  return raw;
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
  const publicUrl = origin('PUBLIC_URL', env.PUBLIC_URL || `http://localhost:${port}`);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    publicUrl,
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR || './.data'),
    smtpUrl,
    mailFrom,
    signingKeys: env.SIGNING_KEYS || null,
    appScheme,
    iosAppIds: iosAppIds(env.IOS_APP_IDS),
    androidApps: androidApps(env.ANDROID_APPS),
    trustProxy: integer(env, 'TRUST_PROXY', 0, 0, 20),
    demo: flag(env, 'DEMO', !databaseUrl),
    devMailbox: devMailbox(env, smtpUrl, publicUrl),
    retentionDays: integer(env, 'RETENTION_DAYS', 30, 1, 36_500),
    rateLimits: {
      sendsPerEmailShort: integer(env, 'RATE_LIMIT_SENDS_PER_EMAIL', 3, 1, 1_000_000),
      sendsPerEmailDaily: integer(env, 'RATE_LIMIT_SENDS_PER_EMAIL_DAILY', 10, 1, 1_000_000),
      startsPerIp: integer(env, 'RATE_LIMIT_STARTS_PER_IP', 30, 1, 1_000_000),
      loginFailuresPerAccount: integer(env, 'RATE_LIMIT_LOGIN_FAILURES', 10, 1, 1_000_000),
      resendCooldownSeconds: integer(env, 'RESEND_COOLDOWN_SECONDS', 60, 0, 3600),
    },
    maxQueuedHashes: integer(env, 'MAX_QUEUED_HASHES', 64, 1, 100_000),
    logLevel: logLevel(env.LOG_LEVEL),
    metricsToken: metricsToken(env.METRICS_TOKEN),
    webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE === '1',
  };
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== '0' && raw !== '1') throw new ConfigError(`${name} must be 0 or 1, got "${raw}".`);
  return raw === '1';
}

/** 127.0.0.0/8, [::1] and localhost: names that only ever reach this machine. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Without SMTP the dev mailbox shows every mail (codes, reset links) to whoever opens it, so it is
 * only allowed where PUBLIC_URL cannot be reached from outside, or when asked for by DEV_MAILBOX=1.
 */
function devMailbox(env: Env, smtpUrl: string | null, publicUrl: string): boolean {
  const asked = flag(env, 'DEV_MAILBOX', isLoopbackHost(new URL(publicUrl).hostname));
  if (smtpUrl) return false;
  if (asked) return true;
  throw new ConfigError(
    env.DEV_MAILBOX === '0'
      ? 'SMTP_URL is unset and DEV_MAILBOX=0: set SMTP_URL so mail can be sent.'
      : `SMTP_URL is unset and PUBLIC_URL (${publicUrl}) is not a loopback address: set SMTP_URL, or DEV_MAILBOX=1 to show all mail at /dev/mailbox.`,
  );
}
