import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

/** The value of one sample line of Prometheus text, e.g. metric('x_total{a="b"}'). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe.each(backends)('operations on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend, env: { METRICS_TOKEN } });
  });
  afterAll(() => h?.close());

  it('answers /readyz 200 when the database answers and is migrated', async () => {
    const ready = await h.request('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ ok: true });
  });

  it('serves /metrics only with the right bearer token', async () => {
    const none = await h.request('GET', '/metrics');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthenticated');
    const wrong = await h.request('GET', '/metrics', undefined, { authorization: 'Bearer not-the-token' });
    expect(wrong.status).toBe(401);
    const right = await h.request('GET', '/metrics', undefined, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(right.status).toBe(200);
    expect(right.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(right.body).toContain('# TYPE chatpoint_http_requests_total counter');
    expect(right.body).toContain('nodejs_eventloop_lag_seconds');
  });

  it('counts requests by route pattern, registrations, mail and the outbox', async () => {
    const scrape = async () =>
      (await h.request('GET', '/metrics', undefined, { authorization: `Bearer ${METRICS_TOKEN}` }))
        .body as string;
    const { linkId } = await h.seedWorkdomain();
    const before = await scrape();
    await h.register(linkId, 'Mia Count', 'mia.count@example.com');
    await h.smtp.waitFor('mia.count@example.com', () => true);
    const after = await scrape();

    const started = 'chatpoint_registrations_started_total';
    const verified = 'chatpoint_registrations_verified_total';
    expect(sample(after, started) - sample(before, started)).toBe(1);
    expect(sample(after, verified) - sample(before, verified)).toBe(1);
    const startSeries =
      'chatpoint_http_requests_total{method="POST",route="/api/registrations/:linkId/start",status="202"}';
    expect(sample(after, startSeries) - sample(before, startSeries)).toBe(1);
    expect(after).not.toContain(linkId);
    const sent = 'chatpoint_mail_sent_total{template="verification-code"}';
    expect(sample(after, sent) - sample(before, sent)).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/^chatpoint_mail_outbox_pending \d+$/m);
    expect(after).toMatch(/^chatpoint_mail_outbox_oldest_age_seconds [\d.e+-]+$/m);
    expect(sample(after, 'chatpoint_password_hash_queue_wait_seconds_count')).toBeGreaterThan(0);
  });

  it('logs one JSON line per request with id, method, route, status and duration', async () => {
    const from = h.logLines.length;
    const response = await h.request('GET', '/api/registrations/no-such-link', undefined, {
      'x-request-id': 'req-ops-1',
    });
    expect(response.status).toBe(404);
    const lines = h.logLines.slice(from).map((line) => JSON.parse(line));
    const requests = lines.filter((line) => line.message === 'request');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      level: 'info',
      requestId: 'req-ops-1',
      method: 'GET',
      route: '/api/registrations/:linkId',
      status: 404,
    });
    expect(requests[0].durationMs).toBeTypeOf('number');
    expect(JSON.stringify(requests[0])).not.toContain('no-such-link');
  });

  it('never logs codes, tokens, passwords, cookies or authorization headers', async () => {
    const { linkId, admin, adminPassword, workdomain } = await h.seedWorkdomain();
    const from = h.logLines.length;
    const { code, verified } = await h.register(linkId, 'Quiet Person', 'quiet@example.com');
    const login = await h.request('POST', '/api/auth/login', {
      workdomain: workdomain.slug,
      email: admin.email,
      password: adminPassword,
    });
    expect(login.status).toBe(200);
    const session = login.body.sessionToken as string;
    await h.request('GET', '/api/me', undefined, {
      authorization: `Bearer ${session}`,
      cookie: `x=${session}`,
    });
    await h.request('POST', '/api/auth/exchange', { token: verified.body.loginToken });
    await h.request('POST', '/api/auth/login', {
      workdomain: 'nope',
      email: 'x@example.com',
      password: 'Wr0ng-pass!',
    });
    const log = h.logLines.slice(from).join('\n');
    expect(log).toContain('"route":"/api/auth/login"');
    for (const secret of [code, verified.body.loginToken, session, adminPassword, 'Wr0ng-pass!'])
      expect(log).not.toContain(secret);
  });

  it('logs a failed query with name, code and stack but without its parameters', async () => {
    const { linkId } = await h.seedWorkdomain();
    await h.db.execute(
      sql.raw(`create or replace function refuse_outbox() returns trigger language plpgsql as $$
        begin raise exception 'outbox refused for this test'; end $$`),
    );
    await h.db.execute(
      sql.raw(
        'create trigger refuse_outbox before insert on email_outbox for each row execute function refuse_outbox()',
      ),
    );
    try {
      const from = h.logLines.length;
      const started = await h.request('POST', `/api/registrations/${linkId}/start`, {
        name: 'Paramo Leak',
        email: 'paramo.leak@example.com',
      });
      expect(started.status).toBe(500);
      expect(started.body.error.code).toBe('internal_error');
      const lines = h.logLines.slice(from);
      const failure = lines
        .map((line) => JSON.parse(line))
        .find((line) => line.message === 'unhandled error');
      expect(failure).toMatchObject({ level: 'error', route: '/api/registrations/:linkId/start' });
      expect(failure.error.stack).toMatch(/\n\s+at /);
      const codes: string[] = [];
      for (let e = failure.error; e; e = e.cause) codes.push(e.code);
      expect(codes).toContain('P0001');
      const text = lines.join('\n');
      expect(text).toContain('outbox refused for this test');
      // The insert's parameters held the registrant's name, address and verification code.
      for (const parameter of ['Paramo Leak', 'paramo.leak@example.com', 'params', 'parameters'])
        expect(text).not.toContain(parameter);
      expect(text).not.toMatch(/\b\d{6}\b/);
      expect(lines.filter((line) => JSON.parse(line).message === 'request')).toHaveLength(1);
    } finally {
      await h.db.execute(sql.raw('drop trigger refuse_outbox on email_outbox'));
    }
  });

  it('answers /readyz 503 not_ready while a migration is missing', async () => {
    await h.db.execute(
      sql.raw('alter table drizzle.__drizzle_migrations rename to __drizzle_migrations_away'),
    );
    try {
      const missing = await h.request('GET', '/readyz');
      expect(missing.status).toBe(503);
      expect(missing.body.error.code).toBe('not_ready');
      expect(missing.body.error.message).toBeTypeOf('string');
      await h.db.execute(
        sql.raw('create table drizzle.__drizzle_migrations (id serial, hash text, created_at bigint)'),
      );
      const empty = await h.request('GET', '/readyz');
      expect(empty.status).toBe(503);
      expect(empty.body.error.message).toMatch(/not applied/);
    } finally {
      await h.db.execute(sql.raw('drop table if exists drizzle.__drizzle_migrations'));
      await h.db.execute(
        sql.raw('alter table drizzle.__drizzle_migrations_away rename to __drizzle_migrations'),
      );
    }
    expect((await h.request('GET', '/readyz')).status).toBe(200);
  });
});

describe('operations without METRICS_TOKEN, and after the database closed', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite' });
  });
  // The last test closes the services itself.
  afterAll(async () => {
    await h?.smtp.stop();
    rmSync(h.config.dataDir, { recursive: true, force: true });
  });

  it('hides /metrics (404) when METRICS_TOKEN is unset', async () => {
    const response = await h.request('GET', '/metrics', undefined, {
      authorization: 'Bearer anything-at-all-here',
    });
    expect(response.status).toBe(404);
  });

  it('answers /readyz 503 once the database is gone, while /healthz still answers', async () => {
    await h.services.close();
    const ready = await h.request('GET', '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ error: { code: 'not_ready' } });
    expect((await h.request('GET', '/healthz')).status).toBe(200);
  });
});

describe('LOG_LEVEL', () => {
  it('writes only lines at or above the level', () => {
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line), 'warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w', { password: 'hunter22', nested: { authorization: 'Bearer x' } });
    logger.error('e');
    expect(lines.map((line) => JSON.parse(line).message)).toEqual(['w', 'e']);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      password: '[redacted]',
      nested: { authorization: '[redacted]' },
    });
    const debug: string[] = [];
    createLogger((line) => debug.push(line), 'debug').debug('shown');
    expect(debug).toHaveLength(1);
  });
});
