import { type AddressInfo, createServer } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatPointEvent, createWebhookReceiver } from '../../docs/examples/webhook-receiver.ts';
import { createSession } from '../../server/accounts/sessions.ts';
import { openDatabase } from '../../server/db/client.ts';
import { webhookAttempts, webhookDeliveries, workdomains } from '../../server/db/schema/index.ts';
import { createLogger } from '../../server/logger.ts';
import { sweepFinishedWebhookDeliveries } from '../../server/webhooks/outbox.ts';
import { queueTestEvent } from '../../server/webhooks/service.ts';
import { startWebhookWorker } from '../../server/webhooks/worker.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { type ReceivedCall, WebhookReceiver } from '../helpers/webhook-receiver.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bodyOf = (call: ReceivedCall) => JSON.parse(call.body);
const verify = (secret: string, call: ReceivedCall) =>
  new Webhook(secret).verify(call.body, call.headers as Record<string, string>);

describe.each(backends)('webhooks on %s', (backend) => {
  let h: Harness;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    h = await createHarness({
      backend,
      env: { WEBHOOK_ALLOW_PRIVATE: '1' },
      webhookSchedule: { backoffMs: [100, 200, 400], retryForMs: 4000 },
    });
    receiver = await new WebhookReceiver().start();
  });
  afterAll(async () => {
    await receiver?.stop();
    await h?.close();
  });

  let counter = 0;
  const email = (who: string) => `${who}.${++counter}.${Date.now().toString(36)}@example.com`;

  /** A seeded workdomain, its admin's API, and a webhook on a path of its own. */
  async function withWebhook(seed: Parameters<Harness['seedWorkdomain']>[0] = {}, events?: string[]) {
    const seeded = await h.seedWorkdomain(seed);
    const { sessionToken } = await createSession(h.db, seeded.admin.id);
    const api = (method: string, url: string, body?: unknown) =>
      h.request(method, url, body, { authorization: `Bearer ${sessionToken}` });
    const path = `/hook/${++counter}`;
    const created = await api('POST', '/api/admin/webhooks', {
      url: receiver.url(path),
      ...(events ? { events } : {}),
    });
    expect(created.status).toBe(201);
    const calls = () => receiver.calls.filter((call) => call.path === path);
    return { ...seeded, api, path, webhook: created.body, calls };
  }

  it('answers 201 with a whsec_ secret once; the list never shows it', async () => {
    const { api, webhook, path } = await withWebhook();
    expect(webhook).toEqual({
      id: expect.any(String),
      url: receiver.url(path),
      events: ['user.registered', 'user.deleted', 'registration.opened', 'registration.closed'],
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{32}$/),
      createdAt: expect.any(String),
    });
    expect(Buffer.from(webhook.secret.slice(6), 'base64')).toHaveLength(24);
    const listed = await api('GET', '/api/admin/webhooks');
    expect(listed.status).toBe(200);
    expect(listed.body.webhooks).toEqual([
      {
        id: webhook.id,
        url: webhook.url,
        events: webhook.events,
        createdAt: webhook.createdAt,
        deliveries: [],
      },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(webhook.secret.slice(6));
  });

  it('sends user.registered, signed per Standard Webhooks, with the link and the user', async () => {
    const { webhook, linkId, workdomain, calls } = await withWebhook();
    const address = email('Hook.Person');
    const { verified } = await h.register(linkId, 'Hook Person', address);
    expect(verified.status).toBe(201);
    await receiver.waitUntil(() => calls().length >= 1);
    const [call] = calls();
    expect(call!.headers['webhook-id']).toMatch(/^msg_/);
    expect(call!.headers['content-type']).toBe('application/json');
    expect(verify(webhook.secret, call!)).toEqual(bodyOf(call!));
    expect(bodyOf(call!)).toEqual({
      type: 'user.registered',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: {
        user: { id: verified.body.user.id, name: 'Hook Person', email: address },
        workdomain: { slug: workdomain.slug, name: workdomain.name },
        linkId,
        message: null,
        fields: {},
        consents: [],
      },
    });
    // Another secret, or one changed byte, does not verify.
    expect(() => verify('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', call!)).toThrow();
    expect(() => verify(webhook.secret, { ...call!, body: call!.body.replace('Hook', 'Hack') })).toThrow();
  });

  it('retries a failing receiver with the same id and body, then delivers exactly once', async () => {
    const { api, webhook, linkId, path, calls } = await withWebhook();
    let failuresLeft = 3;
    receiver.answer = (call) => (call.path === path && failuresLeft-- > 0 ? 500 : 200);
    try {
      await h.register(linkId, 'Retry Person', email('Retry.Person'));
      await receiver.waitUntil(() => calls().some((call) => call.answered === 200));
    } finally {
      receiver.answer = () => 200;
    }
    // Several more poll rounds: a delivered message is not sent again.
    await sleep(800);
    const sent = calls();
    expect(sent.map((call) => call.answered)).toEqual([500, 500, 500, 200]);
    expect(new Set(sent.map((call) => call.headers['webhook-id'])).size).toBe(1);
    expect(new Set(sent.map((call) => call.body)).size).toBe(1);
    for (const call of sent) expect(verify(webhook.secret, call)).toEqual(bodyOf(call));
    const [delivery] = (await api('GET', '/api/admin/webhooks')).body.webhooks[0].deliveries;
    expect(delivery).toMatchObject({
      type: 'user.registered',
      status: 'delivered',
      attempts: 4,
      lastStatusCode: 200,
      lastResponse: 'ok',
      nextAttemptAt: null,
    });
    expect(delivery.id).toBe(sent[0]!.headers['webhook-id']!.slice('msg_'.length));
    const attempts = await h.db
      .select()
      .from(webhookAttempts)
      .where(eq(webhookAttempts.deliveryId, delivery.id));
    expect(attempts.map((a) => a.statusCode).sort()).toEqual([200, 500, 500, 500]);
  });

  it('gives up after the retry period and marks the delivery failed', async () => {
    const { api, path, calls } = await withWebhook();
    receiver.answer = (call) => (call.path === path ? 503 : 200);
    try {
      const test = await api(
        'POST',
        `/api/admin/webhooks/${(await api('GET', '/api/admin/webhooks')).body.webhooks[0].id}/test`,
      );
      expect(test.status).toBe(202);
      const deadline = Date.now() + 30_000;
      let delivery: any;
      do {
        await sleep(200);
        [delivery] = (await api('GET', '/api/admin/webhooks')).body.webhooks[0].deliveries;
      } while (delivery.status === 'pending' && Date.now() < deadline);
      expect(delivery).toMatchObject({ type: 'webhook.test', status: 'failed', lastStatusCode: 503 });
      expect(delivery.attempts).toBeGreaterThan(3);
      expect(calls().length).toBe(delivery.attempts);
    } finally {
      receiver.answer = () => 200;
    }
  });

  it('sends registration.opened and .closed with the reason, manual and automatic', async () => {
    const { api, calls, linkId, pic, workdomain } = await withWebhook({ limit: 1 });
    const seen = () => calls().map((call) => `${bodyOf(call).type}:${bodyOf(call).data.reason ?? ''}`);
    // The last seat taken closes registration in the same transaction as the account.
    await h.register(linkId, 'Last Seat', email('Last.Seat'));
    await receiver.waitUntil(() => calls().length >= 2);
    expect(seen().sort()).toEqual(['registration.closed:capacity_reached', 'user.registered:']);

    await h.db.update(workdomains).set({ externalUserLimit: 5 }).where(eq(workdomains.id, workdomain.id));
    expect((await api('POST', '/api/admin/registration/open')).status).toBe(200);
    await receiver.waitUntil(() => calls().length >= 3);
    expect((await api('POST', '/api/admin/registration/close')).status).toBe(200);
    await receiver.waitUntil(() => calls().length >= 4);
    // Closing what is closed changes nothing and sends nothing.
    expect((await api('POST', '/api/admin/registration/close')).status).toBe(200);
    expect((await api('POST', '/api/admin/registration/open')).status).toBe(200);
    await receiver.waitUntil(() => calls().length >= 5);
    expect((await api('POST', `/api/admin/users/${pic.id}/deactivate`)).status).toBe(200);
    await receiver.waitUntil(() => calls().length >= 6);
    await sleep(300);
    expect(seen().slice(2)).toEqual([
      'registration.opened:',
      'registration.closed:manual',
      'registration.opened:',
      'registration.closed:pic_unavailable',
    ]);
    for (const call of calls())
      expect(bodyOf(call).data.workdomain).toEqual({ slug: workdomain.slug, name: workdomain.name });
  });

  it('sends only the events a webhook asked for', async () => {
    const { api, calls, linkId } = await withWebhook({}, ['registration.closed']);
    await h.register(linkId, 'Quiet Person', email('Quiet.Person'));
    expect((await api('POST', '/api/admin/registration/close')).status).toBe(200);
    expect((await api('POST', '/api/admin/registration/open')).status).toBe(200);
    await receiver.waitUntil(() => calls().length >= 1);
    await sleep(300);
    expect(calls().map((call) => bodyOf(call).type)).toEqual(['registration.closed']);
  });

  it('queues nothing when the change is refused', async () => {
    const { api, webhook } = await withWebhook({ open: false, plan: 'standard' });
    expect((await api('POST', '/api/admin/registration/open')).status).toBe(409);
    await sleep(200);
    expect(
      await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, webhook.id)),
    ).toEqual([]);
  });

  it('sends a test event on request; deleting stops everything and answers 404 after', async () => {
    const { api, webhook, calls, linkId } = await withWebhook();
    const test = await api('POST', `/api/admin/webhooks/${webhook.id}/test`);
    expect(test.status).toBe(202);
    await receiver.waitUntil(() => calls().length >= 1);
    expect(bodyOf(calls()[0]!)).toMatchObject({ type: 'webhook.test', data: { webhookId: webhook.id } });
    expect(verify(webhook.secret, calls()[0]!)).toBeTruthy();

    expect((await api('DELETE', `/api/admin/webhooks/${webhook.id}`)).status).toBe(204);
    expect((await api('DELETE', `/api/admin/webhooks/${webhook.id}`)).body.error.code).toBe(
      'webhook_not_found',
    );
    expect((await api('POST', `/api/admin/webhooks/${webhook.id}/test`)).status).toBe(404);
    await h.register(linkId, 'After Delete', email('After.Delete'));
    await sleep(300);
    expect(calls()).toHaveLength(1);
    const actions = (await api('GET', '/api/admin/audit')).body.entries.map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['webhook_created', 'webhook_deleted']));
  });

  it("refuses bad input and another workdomain's webhook", async () => {
    const mine = await withWebhook();
    const theirs = await withWebhook();
    expect((await mine.api('DELETE', `/api/admin/webhooks/${theirs.webhook.id}`)).status).toBe(404);
    expect((await mine.api('POST', `/api/admin/webhooks/${theirs.webhook.id}/test`)).status).toBe(404);
    expect((await mine.api('DELETE', '/api/admin/webhooks/not-a-uuid')).status).toBe(400);
    for (const body of [
      {},
      { url: receiver.url(), events: [] },
      { url: receiver.url(), events: ['user.renamed'] },
      { url: receiver.url(), secret: 'mine' },
    ]) {
      const refused = await mine.api('POST', '/api/admin/webhooks', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe('invalid_request');
    }
    const notUrl = await mine.api('POST', '/api/admin/webhooks', { url: 'not a url' });
    expect(notUrl.status).toBe(422);
    expect(notUrl.body.error.code).toBe('invalid_webhook_url');
    expect((await h.request('GET', '/api/admin/webhooks')).status).toBe(401);
  });

  it('sweeps finished deliveries after the retention period and keeps pending ones', async () => {
    const { api, webhook, calls, workdomain } = await withWebhook();
    await api('POST', `/api/admin/webhooks/${webhook.id}/test`);
    await receiver.waitUntil(() => calls().length >= 1);
    await sleep(200);
    const pending = await queueTestEvent(h.db, workdomain.id, webhook.id);
    // Not yet old enough: nothing goes.
    await sweepFinishedWebhookDeliveries(h.db, 1);
    const rows = () =>
      h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, webhook.id));
    expect(await rows()).toHaveLength(2);
    await h.db
      .update(webhookDeliveries)
      .set({ finishedAt: sql`now() - interval '2 days'` })
      .where(eq(webhookDeliveries.endpointId, webhook.id));
    await h.db
      .update(webhookDeliveries)
      .set({ status: 'pending', finishedAt: null })
      .where(eq(webhookDeliveries.id, pending.deliveryId));
    await sweepFinishedWebhookDeliveries(h.db, 1);
    expect((await rows()).map((row) => row.id)).toEqual([pending.deliveryId]);
  });

  it('works with the receiver example of docs/integrations.md', async () => {
    const seeded = await h.seedWorkdomain();
    const { sessionToken } = await createSession(h.db, seeded.admin.id);
    const auth = { authorization: `Bearer ${sessionToken}` };
    const events: ChatPointEvent[] = [];
    // The URL comes first and the secret with the answer, so the receiver starts on a port found before.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const created = await h.request(
      'POST',
      '/api/admin/webhooks',
      { url: `http://127.0.0.1:${port}/` },
      auth,
    );
    const secret = created.body.secret as string;
    const example = createWebhookReceiver(secret, (event) => {
      events.push(event);
    });
    await new Promise<void>((resolve) => example.listen(port, '127.0.0.1', resolve));
    try {
      const address = email('Example.Receiver');
      await h.register(seeded.linkId, 'Example Receiver', address);
      const deadline = Date.now() + 15_000;
      while (events.length === 0 && Date.now() < deadline) await sleep(25);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'user.registered', data: { user: { email: address } } });
      // A forged call is refused.
      const forged = await fetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: {
          'webhook-id': 'msg_x',
          'webhook-timestamp': `${Math.floor(Date.now() / 1000)}`,
          'webhook-signature': 'v1,AAAA',
        },
        body: '{"type":"user.registered"}',
      });
      expect(forged.status).toBe(401);
      expect(events).toHaveLength(1);
    } finally {
      await new Promise((resolve) => example.close(resolve));
    }
  });

  if (backend === 'postgres') {
    it('two workers on one database deliver each event once', async () => {
      const { api, webhook, calls } = await withWebhook();
      const second = await openDatabase({ databaseUrl: h.config.databaseUrl, dataDir: null });
      const extra = startWebhookWorker({
        db: second.db,
        logger: createLogger(() => {}),
        rules: { allowPrivate: true },
        pollMs: 20,
      });
      try {
        const queued = await Promise.all(
          Array.from({ length: 30 }, () => api('POST', `/api/admin/webhooks/${webhook.id}/test`)),
        );
        expect(queued.every((r) => r.status === 202)).toBe(true);
        await receiver.waitUntil(() => calls().length >= 30);
        await sleep(500);
        const ids = calls().map((call) => call.headers['webhook-id']);
        expect(ids).toHaveLength(30);
        expect(new Set(ids).size).toBe(30);
      } finally {
        await extra.stop();
        await second.close();
      }
    });
  }
});
