import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { outboxBacklog } from '../mail/outbox.ts';

/**
 * The service's Prometheus metrics, one registry per running app. prom-client gets the text
 * format, label escaping and histograms right, and adds Node's own figures (event-loop lag,
 * heap, GC, open handles) that an operator wants next to ours.
 */
export function createMetrics(db: Database, logger: Logger) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const httpRequests = new Counter({
    name: 'chatpoint_http_requests_total',
    help: 'HTTP requests by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const httpDuration = new Histogram({
    name: 'chatpoint_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const registrationsStarted = new Counter({
    name: 'chatpoint_registrations_started_total',
    help: 'Registrations started (202 from start).',
    registers,
  });
  const registrationsVerified = new Counter({
    name: 'chatpoint_registrations_verified_total',
    help: 'Registrations that created an account (201 from verify).',
    registers,
  });
  const mailSent = new Counter({
    name: 'chatpoint_mail_sent_total',
    help: 'Mails handed to the mail transport, by template.',
    labelNames: ['template'] as const,
    registers,
  });
  const mailFailures = new Counter({
    name: 'chatpoint_mail_send_failures_total',
    help: 'Failed mail send attempts (each is retried), by template.',
    labelNames: ['template'] as const,
    registers,
  });
  const hashWait = new Histogram({
    name: 'chatpoint_password_hash_queue_wait_seconds',
    help: 'Time a password hash or check waited for a free hashing slot.',
    buckets: [0, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });

  // Read from the database at scrape time, so every instance reports the shared outbox.
  let backlog: Promise<{ pending: number; oldestAgeSeconds: number } | null> | undefined;
  const readBacklog = () => {
    backlog ??= outboxBacklog(db)
      .catch((error) => {
        logger.warn('metrics: outbox backlog unreadable', { error });
        return null;
      })
      .finally(() => {
        backlog = undefined;
      });
    return backlog;
  };
  new Gauge({
    name: 'chatpoint_mail_outbox_pending',
    help: 'Mails waiting in the outbox.',
    registers,
    async collect() {
      const read = await readBacklog();
      if (read) this.set(read.pending);
    },
  });
  new Gauge({
    name: 'chatpoint_mail_outbox_oldest_age_seconds',
    help: 'Age of the oldest mail waiting in the outbox (0 when none waits).',
    registers,
    async collect() {
      const read = await readBacklog();
      if (read) this.set(read.oldestAgeSeconds);
    },
  });

  return {
    registry,
    request(method: string, route: string, status: number, seconds: number) {
      httpRequests.inc({ method, route, status: String(status) });
      httpDuration.observe({ method, route }, seconds);
      if (method === 'POST' && route === '/api/registrations/:linkId/start' && status === 202)
        registrationsStarted.inc();
      if (method === 'POST' && route === '/api/registrations/:linkId/verify' && status === 201)
        registrationsVerified.inc();
    },
    mailSent: (template: string) => mailSent.inc({ template }),
    mailFailed: (template: string) => mailFailures.inc({ template }),
    hashQueueWait: (seconds: number) => hashWait.observe(seconds),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
