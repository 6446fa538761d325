import { eq, sql } from 'drizzle-orm';
import type { WebhookMessageType } from '../../contract/webhooks.ts';
import { afterCommit } from '../db/after-commit.ts';
import type { Queryable } from '../db/client.ts';
import { webhookDeliveries, webhookEndpoints, workdomains } from '../db/schema/index.ts';
import { createWakeSignal } from '../jobs/wake-signal.ts';

/** Notified after each commit that queued webhook calls; the webhook worker listens. */
export const webhooksQueued = createWakeSignal();

/** What a receiver gets: the JSON body of every webhook call. */
export interface WebhookMessage {
  type: WebhookMessageType;
  timestamp: string;
  data: Record<string, unknown>;
}

export const messageBody = (type: WebhookMessageType, data: Record<string, unknown>) =>
  JSON.stringify({ type, timestamp: new Date().toISOString(), data } satisfies WebhookMessage);

/**
 * Queues an event for every endpoint of the workdomain that subscribed to it, inside the caller's
 * transaction: the calls go out if and only if the change commits. Each event's data carries the
 * workdomain's slug and name. The worker is woken right after the commit.
 */
export async function queueWebhookEvent(
  tx: Queryable,
  workdomainId: string,
  type: Exclude<WebhookMessageType, 'webhook.test'>,
  data: Record<string, unknown>,
): Promise<number> {
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      sql`${webhookEndpoints.workdomainId} = ${workdomainId} and ${webhookEndpoints.events} @> ${JSON.stringify([type])}::jsonb`,
    );
  if (endpoints.length === 0) return 0;
  const [workdomain] = await tx
    .select({ slug: workdomains.slug, name: workdomains.name })
    .from(workdomains)
    .where(eq(workdomains.id, workdomainId));
  const body = messageBody(type, { ...data, workdomain });
  await tx
    .insert(webhookDeliveries)
    .values(endpoints.map((endpoint) => ({ endpointId: endpoint.id, eventType: type, body })));
  afterCommit(tx, webhooksQueued.notify);
  return endpoints.length;
}
