import { and, count, desc, eq } from 'drizzle-orm';
import { limits } from '../../contract/limits.ts';
import {
  type Webhook,
  type WebhookCreate,
  type WebhookCreated,
  webhookEventTypes,
} from '../../contract/webhooks.ts';
import { type Actor, writeAudit } from '../audit/write.ts';
import type { Database, Queryable } from '../db/client.ts';
import { webhookDeliveries, webhookEndpoints } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { lockSettings } from '../workdomains/settings-lock.ts';
import { messageBody, webhooksQueued } from './events.ts';
import { newWebhookSecret } from './signer.ts';
import { checkWebhookUrl, type TargetRules, UnsafeWebhookTarget } from './ssrf.ts';

/** For whoever tries webhooks against a local receiver; the server's setting, not the admin's. */
const DEVELOPMENT_HINT =
  'For development and tests only, a server started with WEBHOOK_ALLOW_PRIVATE=1 accepts plain http and private addresses.';

/** Deliveries shown per webhook in the list. */
const LATEST_DELIVERIES = 10;

async function safeUrl(raw: string, rules: TargetRules): Promise<string> {
  try {
    return (await checkWebhookUrl(raw, rules)).toString();
  } catch (error) {
    if (error instanceof UnsafeWebhookTarget) {
      const hint = error.allowedWhenPrivate ? ` ${DEVELOPMENT_HINT}` : '';
      throw new AppError('invalid_webhook_url', { message: `${error.message}${hint}` });
    }
    throw error;
  }
}

/** Adds an endpoint; the answer holds its secret, which is never shown again. */
export async function createWebhook(
  db: Database,
  workdomainId: string,
  input: WebhookCreate,
  actor: Actor,
  rules: TargetRules,
): Promise<WebhookCreated> {
  const url = await safeUrl(input.url, rules);
  const events = webhookEventTypes.filter((type) => (input.events ?? webhookEventTypes).includes(type));
  const secret = newWebhookSecret();
  const row = await db.transaction(async (tx) => {
    // Taken so two admins adding at once cannot pass the limit together.
    await lockSettings(tx, workdomainId);
    const [existing] = await tx
      .select({ n: count() })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.workdomainId, workdomainId));
    if (Number(existing?.n ?? 0) >= limits.webhooksMax) {
      throw new AppError('conflict', {
        message: `A workdomain can have at most ${limits.webhooksMax} webhooks. Delete one first.`,
      });
    }
    const [created] = await tx
      .insert(webhookEndpoints)
      .values({ workdomainId, url, events, secret })
      .returning();
    await writeAudit(tx, workdomainId, actor, 'webhook_created', { webhookId: created!.id, url, events });
    return created!;
  });
  return { id: row.id, url: row.url, events: row.events, secret, createdAt: row.createdAt.toISOString() };
}

/** The workdomain's endpoints, oldest first, each with its latest deliveries; secrets are left out. */
export async function listWebhooks(db: Queryable, workdomainId: string): Promise<Webhook[]> {
  const endpoints = await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.workdomainId, workdomainId))
    .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
  return Promise.all(
    endpoints.map(async (endpoint) => {
      const deliveries = await db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, endpoint.id))
        .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
        .limit(LATEST_DELIVERIES);
      return {
        id: endpoint.id,
        url: endpoint.url,
        events: endpoint.events,
        createdAt: endpoint.createdAt.toISOString(),
        deliveries: deliveries.map((d) => ({
          id: d.id,
          type: d.eventType,
          status: d.status,
          attempts: d.attempts,
          lastStatusCode: d.lastStatusCode,
          lastError: d.lastError,
          lastResponse: d.lastResponse,
          createdAt: d.createdAt.toISOString(),
          nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
        })),
      };
    }),
  );
}

/** Removes an endpoint; its pending deliveries go with it. */
export async function deleteWebhook(db: Database, workdomainId: string, webhookId: string, actor: Actor) {
  await db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, webhookId), eq(webhookEndpoints.workdomainId, workdomainId)))
      .returning({ url: webhookEndpoints.url });
    if (!deleted) throw new AppError('webhook_not_found');
    await writeAudit(tx, workdomainId, actor, 'webhook_deleted', { webhookId, url: deleted.url });
  });
}

/** Queues a `webhook.test` message for one endpoint, signed and retried like any event. */
export async function queueTestEvent(db: Database, workdomainId: string, webhookId: string) {
  const [endpoint] = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, webhookId), eq(webhookEndpoints.workdomainId, workdomainId)));
  if (!endpoint) throw new AppError('webhook_not_found');
  const [delivery] = await db
    .insert(webhookDeliveries)
    .values({
      endpointId: endpoint.id,
      eventType: 'webhook.test',
      body: messageBody('webhook.test', { webhookId, message: 'This is a test event from ChatPoint.' }),
    })
    .returning({ id: webhookDeliveries.id });
  webhooksQueued.notify();
  return { deliveryId: delivery!.id };
}
