import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import proxyaddr from 'proxy-addr';

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // app.request() in tests has no socket.
    return undefined;
  }
}

/**
 * The client IP that every limit counts. With `trustedHops` = 0 it is the socket's address and
 * X-Forwarded-For is ignored. With N ≥ 1 reverse proxies in front, each appends the address it
 * saw, so only the last N entries were written by them: the answer is the N-th entry from the
 * right, and whatever a client put to the left of it is never read.
 *
 * proxy-addr walks the chain from the socket leftwards while `i < N` (the socket is i = 0). When
 * the header has fewer than N entries it stops at the leftmost one, which a proxy of ours wrote
 * (the request entered below the outermost proxy). An entry that is not an IP address (a proxy
 * that appends ports or "unknown") falls back to the socket address, which no client can choose.
 */
export function clientIp(c: Context, trustedHops: number): string {
  const socket = socketAddress(c);
  if (trustedHops < 1) return socket ?? 'unknown';
  const picked = proxyaddr(
    {
      headers: { 'x-forwarded-for': c.req.header('x-forwarded-for') },
      socket: { remoteAddress: socket },
    } as never,
    (_address, hop) => hop < trustedHops,
  );
  if (picked && isIP(picked)) return picked;
  return socket ?? 'unknown';
}
