import type { Database } from '../db/client.ts';
import { type PollingLoop, startPollingLoop } from '../jobs/polling-loop.ts';
import type { Logger } from '../logger.ts';
import { postWebhook } from './delivery.ts';
import { webhooksQueued } from './events.ts';
import { claimDueDeliveries, defaultRetrySchedule, type RetrySchedule, recordAttempt } from './outbox.ts';
import { messageId, signatureHeaders } from './signer.ts';
import type { TargetRules } from './ssrf.ts';

/** The webhook outbox's loop; it wakes at once when a transaction that queued an event commits. */
export type WebhookWorker = PollingLoop;

export interface WebhookWorkerOptions {
  db: Database;
  logger: Logger;
  rules: TargetRules;
  schedule?: RetrySchedule;
  pollMs?: number;
  batchSize?: number;
  timeoutMs?: number;
}

export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { db, logger, rules, schedule = defaultRetrySchedule, pollMs = 1000, batchSize = 10 } = options;

  async function deliverRound(stopped: () => boolean): Promise<number> {
    let delivered = 0;
    while (!stopped()) {
      const claimed = await claimDueDeliveries(db, batchSize);
      if (claimed.length === 0) break;
      await Promise.all(
        claimed.map(async (delivery) => {
          const headers = signatureHeaders(delivery.secret, messageId(delivery.id), delivery.body);
          const result = await postWebhook(delivery.url, headers, delivery.body, rules, options.timeoutMs);
          await recordAttempt(db, delivery, result, schedule);
          const facts = {
            delivery: delivery.id,
            endpoint: delivery.endpointId,
            type: delivery.eventType,
            attempt: delivery.attempts,
            status: result.statusCode,
          };
          if (result.ok) {
            delivered++;
            logger.info('webhook delivered', facts);
          } else {
            logger.warn('webhook attempt failed', { ...facts, error: result.error });
          }
        }),
      );
      // A short batch was everything due: no need for another, empty, claim.
      if (claimed.length < batchSize) break;
    }
    return delivered;
  }

  return startPollingLoop(deliverRound, {
    pollMs,
    wakeOn: webhooksQueued,
    onError: (error) =>
      logger.warn('webhook round failed', { error: error instanceof Error ? error.message : String(error) }),
  });
}
