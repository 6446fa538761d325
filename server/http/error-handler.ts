import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { pgErrorCode } from '../db/client.ts';
import { AppError, type ErrorCode, errorBody } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { routePattern } from './request-log.ts';

const httpStatusCodes: Record<number, ErrorCode> = {
  400: 'invalid_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

// Connection-level failures: the database is restarting or unreachable; a retry can succeed.
const UNAVAILABLE_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'EPIPE',
]);

function isDatabaseUnavailable(error: unknown): boolean {
  const pgCode = pgErrorCode(error);
  if (pgCode && /^(08|57P)/.test(pgCode)) return true;
  for (let e: any = error; e; e = e.cause) {
    if (UNAVAILABLE_NETWORK_CODES.has(e.code)) return true;
  }
  return false;
}

export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    const code = httpStatusCodes[error.status];
    if (code)
      return new AppError(code, code === 'invalid_request' ? { message: error.message || undefined } : {});
  }
  if (isDatabaseUnavailable(error)) return new AppError('unavailable', { retryAfter: 2 });
  return null;
}

export function errorResponse(c: Context, error: AppError) {
  if (error.retryAfter !== undefined) c.header('Retry-After', String(error.retryAfter));
  c.header('Cache-Control', 'no-store');
  return c.json(errorBody(error.code, error.message, error.details), error.status);
}

/** The one place that turns a thrown error into the API's error JSON. Unknown errors become a logged 500. */
export function createErrorHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    const known = toAppError(error);
    if (known) return errorResponse(c, known);
    const requestId = c.get('requestId' as never) ?? randomUUID();
    logger.error('unhandled error', { requestId, method: c.req.method, route: routePattern(c), error });
    return errorResponse(
      c,
      new AppError('internal_error', { message: `Something went wrong on our side (request ${requestId}).` }),
    );
  };
}
