import type { MiddlewareHandler } from 'hono';
import type { Queryable } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { findLink } from './link.ts';
import { recordRefusedOrigin } from './refused-origins.ts';

/**
 * An origin an admin typed, as stored: exactly `scheme://host[:port]` (http or https, no path,
 * query or credentials), lower-case with IDNs as punycode and the default port dropped; null otherwise.
 */
export function normaliseOrigin(input: string): string | null {
  const trimmed = input.trim().replace(/\/$/, '');
  if (!/^https?:\/\/[^/?#@]+$/i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}

export function normaliseOriginList(inputs: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const input of inputs) {
    const origin = normaliseOrigin(input);
    if (!origin) {
      throw new AppError('invalid_request', {
        status: 422,
        message: `Allowed origins: "${input.slice(0, 100)}" is not an origin such as https://www.example.com.`,
      });
    }
    origins.add(origin);
  }
  return [...origins];
}

async function allowedOriginsOf(db: Queryable, linkId: string) {
  const { settings } = await findLink(db, linkId);
  return { allowed: settings.allowedOrigins, workdomainId: settings.workdomainId };
}

const ALLOW_METHODS = 'GET, POST';
const ALLOW_HEADERS = 'Content-Type';

/**
 * CORS for the public registration API, per link. A link whose workdomain lists allowed origins
 * answers only those origins and the service's own (the join page, the admin preview); another
 * Origin gets 403 origin_not_allowed and no CORS headers, except from the link-info GET: the widget
 * reads that one refusal, so it can tell the page's owner why the form does not show. The refused
 * origin is remembered for the admin panel. An empty list lets any page call.
 * Requests without an Origin header (servers, curl) pass: Origin is a browser protection, and the
 * other rules (rate limits, bot protection) apply to them alike.
 */
export function registrationCors(db: Queryable, publicUrl: string): MiddlewareHandler {
  const ownOrigin = new URL(publicUrl).origin;
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const segments = c.req.path.split('/');
    const linkId = decodeURIComponent(segments[3] ?? '');
    let allowed: readonly string[] = [];
    if (origin && origin !== ownOrigin && linkId) {
      let workdomainId = '';
      try {
        ({ allowed, workdomainId } = await allowedOriginsOf(db, linkId));
      } catch (error) {
        // An unknown link answers 404 link_not_found to anyone, so the widget can say so.
        if (!(error instanceof AppError && error.code === 'link_not_found')) throw error;
      }
      if (allowed.length > 0 && !allowed.includes(origin)) {
        await recordRefusedOrigin(db, workdomainId, origin);
        if (c.req.method === 'GET' && segments.length === 4) {
          c.header('Access-Control-Allow-Origin', origin);
          c.header('Vary', 'Origin');
        }
        throw new AppError('origin_not_allowed');
      }
    }
    const reflect = allowed.length > 0 || (origin !== undefined && origin === ownOrigin);
    const headers = {
      'Access-Control-Allow-Origin': reflect && origin ? origin : '*',
      ...(reflect ? { Vary: 'Origin' } : {}),
    };
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, {
        ...headers,
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Max-Age': '600',
      });
    }
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    c.res.headers.set('Access-Control-Expose-Headers', 'Retry-After');
  };
}

/**
 * How a registrant came, from the Origin their start request carried: the service's own origin
 * (the hosted page `/join/…`) or none is the registration page; any other is the business's site.
 */
export function arrivedVia(origin: string | null, publicUrl: string): 'site' | 'page' {
  return origin === null || origin === new URL(publicUrl).origin ? 'page' : 'site';
}
