import type { MiddlewareHandler } from 'hono';

export interface PageSecurityOptions {
  /** Pages that carry a token in their address: no Referer may leak it. */
  carriesToken?: boolean;
  /** Pages other sites may not frame (admin, app, reset). */
  denyFraming?: boolean;
  https: boolean;
}

/** Headers for HTML pages: a CSP without inline script, and the rest of the usual set. */
export function pageSecurityHeaders(options: PageSecurityOptions): MiddlewareHandler {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    options.denyFraming ? "frame-ancestors 'none'" : '',
  ]
    .filter(Boolean)
    .join('; ');
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', options.carriesToken ? 'no-referrer' : 'strict-origin-when-cross-origin');
    if (options.denyFraming) c.header('X-Frame-Options', 'DENY');
    if (options.https) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}

/** Headers for every API answer. */
export function apiSecurityHeaders(https: boolean): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
    if (https) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}
