import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createPasswordHasher } from '../../server/accounts/password-hasher.ts';
import { createInternalUser } from '../../server/accounts/users.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { loadBuiltAssets } from '../../server/pages/routes.ts';
import { openRegistration } from '../../server/registration/availability.ts';
import { showRegistration, updateRegistrationSettings } from '../../server/registration/settings.ts';
import { type Services, startServices } from '../../server/services.ts';
import type { RetrySchedule } from '../../server/webhooks/outbox.ts';
import { createWorkdomain } from '../../server/workdomains/workdomains.ts';
import { createScratchDatabase } from './databases.ts';
import { migratedPgliteSnapshot } from './pglite-snapshot.ts';
import { freePort } from './server-process.ts';
import { codeIn, SmtpSink } from './smtp-sink.ts';

export const PUBLIC_URL = 'http://localhost:8787';

export interface HarnessOptions {
  backend: 'pglite' | 'postgres';
  env?: Record<string, string>;
  /** Also serve over HTTP on a free loopback port (for browser tests); PUBLIC_URL then points there. */
  listen?: boolean;
  /** Webhook retry timing (seconds instead of hours in tests). */
  webhookSchedule?: RetrySchedule;
  /** How often the outbox workers poll when nothing wakes them (default 50 ms). */
  pollMs?: number;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

let seedCounter = 0;

/** A real server (PGlite or PostgreSQL) and a real SMTP sink, driven through app.request(). */
export async function createHarness(options: HarnessOptions) {
  const smtp = await new SmtpSink().start();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chatpoint-test-'));
  const scratch = options.backend === 'postgres' ? await createScratchDatabase({ migrated: true }) : null;
  const logLines: string[] = [];
  const port = options.listen ? await freePort() : 8787;
  const publicUrl = options.listen ? `http://127.0.0.1:${port}` : PUBLIC_URL;
  const config = loadConfig({
    PUBLIC_URL: publicUrl,
    DATA_DIR: dataDir,
    SMTP_URL: smtp.url,
    RATE_LIMIT_STARTS_PER_IP: '100000',
    RATE_LIMIT_SENDS_PER_EMAIL: '100000',
    RATE_LIMIT_SENDS_PER_EMAIL_DAILY: '100000',
    RESEND_COOLDOWN_SECONDS: '0',
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    ...options.env,
  });
  const services: Services = await startServices(
    config,
    createLogger((line) => logLines.push(line)),
    {
      inMemoryDatabase: true,
      pgliteSnapshot: scratch ? undefined : await migratedPgliteSnapshot(),
      pollMs: options.pollMs ?? 50,
      webhookSchedule: options.webhookSchedule,
    },
  );
  const app = createApp(services.deps, loadBuiltAssets(path.resolve('dist')));
  const { db } = services.deps;
  const httpServer = options.listen ? serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }) : null;
  const hasher = createPasswordHasher(1000);

  async function request<T = any>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const response = await app.request(url, init);
    const text = await response.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** A workdomain with an admin and a PIC; registration opened unless `open: false`. */
  async function seedWorkdomain(
    seed: { plan?: string; limit?: number; open?: boolean; welcome?: string } = {},
  ) {
    const n = ++seedCounter;
    const workdomain = await createWorkdomain(db, {
      name: `Acme ${n}`,
      slug: `acme-${n}-${Date.now().toString(36)}`,
      plan: seed.plan ?? 'pro',
      externalUserLimit: seed.limit ?? 25,
    });
    const adminPassword = 'admin-pass-1234';
    const admin = await createInternalUser(db, hasher, {
      workdomainId: workdomain.id,
      email: `admin${n}@acme.test`,
      name: 'Grace Admin',
      password: adminPassword,
      role: 'admin',
    });
    const pic = await createInternalUser(db, hasher, {
      workdomainId: workdomain.id,
      email: `pic${n}@acme.test`,
      name: 'Pat Chen',
      password: 'pic-pass-12345',
      role: 'member',
    });
    await updateRegistrationSettings(
      db,
      workdomain.id,
      { picUserId: pic.id, welcomeMessage: seed.welcome ?? 'Welcome! How can we help?' },
      { kind: 'operator' },
      publicUrl,
    );
    let linkId: string | null = null;
    if (seed.open !== false && ['pro', 'enterprise'].includes(seed.plan ?? 'pro')) {
      await openRegistration(db, workdomain.id, { kind: 'operator' });
      linkId = (await showRegistration(db, workdomain.id, publicUrl)).linkId;
    }
    return { workdomain, admin, adminPassword, pic, linkId: linkId! };
  }

  /** start → read the code from the SMTP sink → verify. */
  async function register(linkId: string, name: string, email: string) {
    const started = await request('POST', `/api/registrations/${linkId}/start`, { name, email });
    if (started.status !== 202)
      throw new Error(`start answered ${started.status}: ${JSON.stringify(started.body)}`);
    const registrationId = started.body.registrationId as string;
    const code = await codeFor(email);
    const verified = await request('POST', `/api/registrations/${linkId}/verify`, { registrationId, code });
    return { registrationId, code, verified };
  }

  /** The newest code mailed to `email`. */
  async function codeFor(email: string, skip = 0): Promise<string> {
    await smtp.waitFor(
      email,
      (mail) => mail.subject.includes('verification code') && smtp.all(email).indexOf(mail) >= skip,
    );
    const mails = smtp.all(email).filter((mail) => mail.subject.includes('verification code'));
    return codeIn(mails.at(-1)!);
  }

  return {
    app,
    /** Where the HTTP server listens (with `listen: true`), the same as PUBLIC_URL. */
    baseUrl: publicUrl,
    config,
    services,
    deps: services.deps,
    db,
    smtp,
    logLines,
    request,
    seedWorkdomain,
    register,
    codeFor,
    async close() {
      if (httpServer) await new Promise((resolve) => httpServer.close(resolve));
      await services.close();
      await smtp.stop();
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
