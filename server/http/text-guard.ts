import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.ts';
import { errorResponse } from './error-handler.ts';

// NUL ends strings in C and PostgreSQL refuses it in text; an unpaired surrogate is not text at
// all (it cannot be encoded as UTF-8). Neither is ever part of a name, message, address or id.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `value` is text we can store and show: no NUL, no lone UTF-16 surrogate. */
export const isCleanText = (value: string) => !value.includes('\0') && !LONE_SURROGATE.test(value);

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** Arrays and objects one inside another that a JSON body may hold, the body itself counted. */
export const MAX_JSON_DEPTH = 32;

/** Whether `value` nests deeper than `limit` levels; walks with its own stack, so any depth is safe. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The first place in a parsed JSON value (keys too) whose text is not clean, or null. Recurses:
 *  call it only on values no deeper than MAX_JSON_DEPTH. */
function dirtyField(value: unknown, where: string): string | null {
  if (typeof value === 'string') return isCleanText(value) ? null : where || 'body';
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const path = where ? `${where}.${key}` : key;
    if (!isCleanText(key)) return where || 'a key';
    const found = dirtyField(item, path);
    if (found) return found;
  }
  return null;
}

function dirtyPathOrQuery(url: URL): string | null {
  for (const segment of url.pathname.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return 'path';
    }
    if (!isCleanText(decoded)) return 'path';
  }
  for (const [key, value] of url.searchParams) {
    if (!isCleanText(key) || !isCleanText(value)) return isCleanText(key) ? key : 'the query';
  }
  return null;
}

/**
 * One rule at the edge for every route, present and future: path segments, query values and
 * every string (and key) of a JSON body must be clean text, or the request gets 400
 * invalid_request before any handler, database or log sees it.
 */
export function textGuard(): MiddlewareHandler {
  return async (c, next) => {
    const api = c.req.path.startsWith('/api/');
    let field = dirtyPathOrQuery(new URL(c.req.url));
    if (!field && api && JSON_TYPE.test((c.req.header('content-type') ?? '').split(';')[0]!.trim())) {
      // Malformed JSON is left to the route's validator, which answers 400 for it.
      const body = await c.req.json().catch(() => undefined);
      if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
        return errorResponse(
          c,
          new AppError('invalid_request', {
            message: `Invalid request: the JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`,
          }),
        );
      }
      field = dirtyField(body, '');
    }
    if (!field) return next();
    if (!api) return c.text('Bad request: the address holds characters that are not text.', 400);
    return errorResponse(
      c,
      new AppError('invalid_request', {
        message: `Invalid request: ${field} holds a NUL or an unpaired surrogate, which is not text.`,
      }),
    );
  };
}
