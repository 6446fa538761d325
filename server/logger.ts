import pino from 'pino';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

// Field names whose values are secrets (or carry them, like a query's parameters); never written.
const SECRET_FIELD = /token|code|password|secret|authorization|cookie|param|query|body/i;
// Every secret of ours is a string (codes too); a number or a yes/no under such a name is a count
// or a flag, such as a sweep's `loginTokens: 12`, and is written as is.
const canHoldSecret = (value: unknown) => typeof value !== 'number' && typeof value !== 'boolean';
// drizzle puts a failed query's parameters into its message ("Failed query: …\nparams: …").
const QUERY_TEXT = /^Failed query:[\s\S]*$/;

function safeMessage(error: Error): string {
  return error.message.replace(QUERY_TEXT, 'Failed query');
}

/**
 * An error as name, message, code and stack, with its causes. Only those: database errors also
 * carry the query and its parameters (a verification code among them), which never reach a log.
 */
export function serializeError(error: unknown, depth = 0): LogFields {
  if (!(error instanceof Error)) return { message: String(error) };
  const message = safeMessage(error);
  const code = (error as { code?: unknown }).code;
  const frames = error.stack?.split('\n').filter((line) => /^\s+at /.test(line)) ?? [];
  return {
    name: error.name,
    message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    stack: [`${error.name}: ${message}`, ...frames].join('\n'),
    ...(error.cause !== undefined && depth < 3 ? { cause: serializeError(error.cause, depth + 1) } : {}),
  };
}

function clean(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return serializeError(value);
  if (typeof value === 'string') return value.replace(QUERY_TEXT, 'Failed query');
  if (value === null || typeof value !== 'object' || depth > 4) return value;
  if (Array.isArray(value)) return value.map((item) => clean(item, depth + 1));
  const out: LogFields = {};
  for (const [key, item] of Object.entries(value))
    out[key] = SECRET_FIELD.test(key) && canHoldSecret(item) ? '[redacted]' : clean(item, depth + 1);
  return out;
}

/**
 * JSON lines through pino: the usual shape for log shippers, cheap when a level is off, and
 * one object per line even for errors. `write` is replaceable so tests can read what was logged.
 */
export function createLogger(write?: (line: string) => void, level: LogLevel = 'info'): Logger {
  const destination = write ? { write: (line: string) => write(line.trimEnd()) } : pino.destination(1);
  const base = pino(
    {
      level,
      base: undefined,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  const log =
    (method: LogLevel) =>
    (message: string, fields: LogFields = {}) => {
      if (base.isLevelEnabled(method)) base[method](clean(fields) as object, message);
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
