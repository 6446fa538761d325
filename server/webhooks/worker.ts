import type { Database } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { postWebhook } from './delivery.ts';
import { claimDueDeliveries, defaultRetrySchedule, type RetrySchedule, recordAttempt } from './outbox.ts';
import { messageId, signatureHeaders } from './signer.ts';
import type { TargetRules } from './ssrf.ts';

export interface WebhookWorker {
  /** Deliver what is due now; resolves when this round is done. */
  drain(): Promise<number>;
  /** Wake the loop early, e.g. right after a transaction queued an event. */
  poke(): void;
  stop(): Promise<void>;
}

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
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<number> | undefined;

  async function deliverRound(): Promise<number> {
    let delivered = 0;
    while (!stopped) {
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

  function drain(): Promise<number> {
    round ??= deliverRound().finally(() => {
      round = undefined;
    });
    return round;
  }

  function wakeIn(delay: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        await drain();
      } catch (error) {
        logger.warn('webhook round failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
      wakeIn(pollMs);
    }, delay);
  }

  wakeIn(0);
  return {
    drain,
    poke: () => wakeIn(0),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round?.catch(() => {});
    },
  };
}
