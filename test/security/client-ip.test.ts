import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimitCounters } from '../../server/db/schema/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

/** A start over real HTTP, so the server sees a real socket address. */
async function start(h: Harness, linkId: string, email: string, forwardedFor?: string) {
  const response = await fetch(`${h.baseUrl}/api/registrations/${linkId}/start`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }),
    },
    body: JSON.stringify({ name: 'Ann', email }),
  });
  return response.status;
}

/** The client IPs the start limit has counted, from its keys. */
async function countedIps(h: Harness): Promise<string[]> {
  const rows = await h.db
    .select({ key: rateLimitCounters.key })
    .from(rateLimitCounters)
    .where(like(rateLimitCounters.key, 'start:ip:%'));
  return rows.map((row) => row.key.slice('start:ip:'.length)).sort();
}

describe('TRUST_PROXY=1: one proxy in front', () => {
  let h: Harness;
  let linkId: string;
  beforeAll(async () => {
    h = await createHarness({
      backend: 'pglite',
      listen: true,
      env: { TRUST_PROXY: '1', RATE_LIMIT_STARTS_PER_IP: '3' },
    });
    linkId = (await h.seedWorkdomain()).linkId;
  });
  afterAll(() => h?.close());

  it('counts the address the proxy appended, so a spoofed first entry cannot dodge the start limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      // The client sends its own header; the proxy appends the address it saw (203.0.113.9).
      statuses.push(await start(h, linkId, `spoof${i}@example.com`, `10.9.8.${i}, 203.0.113.9`));
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    expect(await countedIps(h)).toEqual(['203.0.113.9']);
  });
});

describe('TRUST_PROXY as a hop count', () => {
  let h: Harness;
  let linkId: string;
  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite', listen: true, env: { TRUST_PROXY: '2' } });
    linkId = (await h.seedWorkdomain()).linkId;
  });
  afterAll(() => h?.close());

  it('takes the second address from the right with two proxies, and never one the client wrote', async () => {
    expect(await start(h, linkId, 'two@example.com', '6.6.6.6, 198.51.100.7, 10.0.0.2')).toBe(202);
    expect(await countedIps(h)).toEqual(['198.51.100.7']);
  });

  it('uses the leftmost entry when there are fewer entries than proxies (the request skipped the outer one)', async () => {
    expect(await start(h, linkId, 'one@example.com', '192.0.2.44')).toBe(202);
    expect(await countedIps(h)).toContain('192.0.2.44');
  });

  it('falls back to the socket address when the chosen entry is not an IP address', async () => {
    expect(await start(h, linkId, 'junk@example.com', '6.6.6.6, unknown, 10.0.0.2')).toBe(202);
    const ips = await countedIps(h);
    expect(ips).not.toContain('unknown');
    expect(ips.some((ip) => /^(::ffff:)?127\.0\.0\.1$|^::1$/.test(ip))).toBe(true);
  });
});

describe('TRUST_PROXY=0 (the default)', () => {
  let h: Harness;
  let linkId: string;
  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite', listen: true, env: { RATE_LIMIT_STARTS_PER_IP: '2' } });
    linkId = (await h.seedWorkdomain()).linkId;
  });
  afterAll(() => h?.close());

  it('ignores X-Forwarded-For entirely and counts the socket address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(await start(h, linkId, `direct${i}@example.com`, `198.51.100.${i}`));
    }
    expect(statuses).toEqual([202, 202, 429]);
    const ips = await countedIps(h);
    expect(ips).toHaveLength(1);
    expect(ips[0]).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
  });
});
