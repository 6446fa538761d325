import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/accounts/sessions.ts';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '../../server/db/schema/index.ts';
import { postWebhook, RESPONSE_EXCERPT_BYTES } from '../../server/webhooks/delivery.ts';
import { queueWebhookEvent } from '../../server/webhooks/events.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { WebhookReceiver } from '../helpers/webhook-receiver.ts';

/** A TCP listener on 127.0.0.1 that counts connections and never answers. */
async function silentListener() {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => sockets.length,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe.each(backends)('webhook targets on %s (WEBHOOK_ALLOW_PRIVATE unset)', (backend) => {
  let h: Harness;
  let listener: Awaited<ReturnType<typeof silentListener>>;
  beforeAll(async () => {
    h = await createHarness({ backend, webhookSchedule: { backoffMs: [100], retryForMs: 60_000 } });
    listener = await silentListener();
  });
  afterAll(async () => {
    await listener?.stop();
    await h?.close();
  });

  it('refuses to save URLs that are not https or point at non-public addresses', async () => {
    const { admin } = await h.seedWorkdomain();
    const { sessionToken } = await createSession(h.db, admin.id);
    const auth = { authorization: `Bearer ${sessionToken}` };
    const port = listener.port;
    for (const url of [
      `http://127.0.0.1:${port}/hook`,
      'http://example.com/hook',
      `https://127.0.0.1:${port}/hook`,
      'https://10.0.0.1/hook',
      'https://172.20.1.1/hook',
      'https://192.168.0.10/hook',
      'https://100.64.1.1/hook',
      'https://169.254.169.254/latest/meta-data/',
      'https://0.0.0.0/hook',
      'https://[::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://[::ffff:7f00:1]/hook',
      'https://[fd00:ec2::254]/hook',
      'https://[fe80::1]/hook',
      'https://2130706433/hook',
      `https://localhost:${port}/hook`,
    ]) {
      const refused = await h.request('POST', '/api/admin/webhooks', { url }, auth);
      expect(refused.status, url).toBe(422);
      expect(refused.body.error.code, url).toBe('invalid_webhook_url');
      // Whoever tries a local receiver learns the development switch from the refusal itself.
      expect(refused.body.error.message, url).toContain('WEBHOOK_ALLOW_PRIVATE=1');
    }
    for (const url of ['https://user:pw@example.com/hook', 'not a url', 'ftp://example.com/hook']) {
      const refused = await h.request('POST', '/api/admin/webhooks', { url }, auth);
      expect(refused.status, url).toBe(422);
      expect(refused.body.error.message, url).not.toContain('WEBHOOK_ALLOW_PRIVATE');
    }
    const listed = await h.request('GET', '/api/admin/webhooks', undefined, auth);
    expect(listed.body.webhooks).toEqual([]);
    expect(listener.connections()).toBe(0);
  });

  it('checks again at delivery: a saved URL that now points inside is never connected to', async () => {
    const { workdomain } = await h.seedWorkdomain({ open: false });
    // Written directly, as if the name had pointed elsewhere when it was saved.
    const targets = [`https://localhost:${listener.port}/hook`, `https://127.0.0.1:${listener.port}/hook`];
    const endpoints = await h.db
      .insert(webhookEndpoints)
      .values(
        targets.map((url) => ({
          workdomainId: workdomain.id,
          url,
          events: ['registration.closed' as const],
          secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        })),
      )
      .returning();
    await h.db.transaction((tx) =>
      queueWebhookEvent(tx, workdomain.id, 'registration.closed', { reason: 'manual' }),
    );
    for (const endpoint of endpoints) {
      const deadline = Date.now() + 15_000;
      let attempts: (typeof webhookAttempts.$inferSelect)[] = [];
      while (attempts.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        attempts = await h.db
          .select({ attempt: webhookAttempts })
          .from(webhookAttempts)
          .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
          .where(eq(webhookDeliveries.endpointId, endpoint.id))
          .then((rows) => rows.map((row) => row.attempt));
      }
      expect(attempts.length, endpoint.url).toBeGreaterThan(0);
      expect(attempts[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/non-public/) });
      const [delivery] = await h.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, endpoint.id));
      expect(delivery!.status).not.toBe('delivered');
    }
    expect(listener.connections()).toBe(0);
  });
});

describe('one webhook call', () => {
  const open = { allowPrivate: true };

  it('connects to a host name through the checked lookup', async () => {
    const receiver = await new WebhookReceiver().start();
    try {
      const result = await postWebhook(`http://localhost:${receiver.port}/named`, {}, '{}', open);
      expect(result).toMatchObject({ ok: true, statusCode: 200 });
      expect(receiver.calls.map((call) => call.path)).toEqual(['/named']);
    } finally {
      await receiver.stop();
    }
  });

  it('does not follow redirects: a 3xx is a failed attempt', async () => {
    const target = await new WebhookReceiver().start();
    const redirector = await new WebhookReceiver().start();
    redirector.answer = () => 307;
    redirector.extraHeaders = { location: target.url('/elsewhere') };
    try {
      const result = await postWebhook(redirector.url(), {}, '{}', open);
      expect(result).toMatchObject({ ok: false, statusCode: 307 });
      expect(redirector.calls).toHaveLength(1);
      expect(target.calls).toHaveLength(0);
    } finally {
      await target.stop();
      await redirector.stop();
    }
  });

  it(`keeps at most ${RESPONSE_EXCERPT_BYTES} bytes of the answer, whole characters only`, async () => {
    const receiver = await new WebhookReceiver().start();
    receiver.respondWith = 'é'.repeat(5000);
    try {
      const result = await postWebhook(receiver.url(), {}, '{}', open);
      expect(result.ok).toBe(true);
      expect(Buffer.byteLength(result.excerpt!)).toBeLessThanOrEqual(RESPONSE_EXCERPT_BYTES);
      expect(result.excerpt).toBe('é'.repeat(RESPONSE_EXCERPT_BYTES / 2));
    } finally {
      await receiver.stop();
    }
  });

  it('gives up on a receiver that never answers', async () => {
    const listener = await silentListener();
    try {
      const result = await postWebhook(`http://127.0.0.1:${listener.port}/hook`, {}, '{}', open, 300);
      expect(result).toMatchObject({
        ok: false,
        statusCode: null,
        error: expect.stringMatching(/No answer/),
      });
      expect(listener.connections()).toBe(1);
    } finally {
      await listener.stop();
    }
  });

  it('refuses a private target without WEBHOOK_ALLOW_PRIVATE, before connecting', async () => {
    const listener = await silentListener();
    try {
      for (const host of ['127.0.0.1', 'localhost', '[::ffff:127.0.0.1]']) {
        const result = await postWebhook(`https://${host}:${listener.port}/hook`, {}, '{}', {
          allowPrivate: false,
        });
        expect(result, host).toMatchObject({ ok: false, error: expect.stringMatching(/non-public/) });
      }
      expect(listener.connections()).toBe(0);
    } finally {
      await listener.stop();
    }
  });
});
