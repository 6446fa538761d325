import type { Database } from '../db/client.ts';
import { type PollingLoop, startPollingLoop } from '../jobs/polling-loop.ts';
import { type Logger, serializeError } from '../logger.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { claimDueEmails, mailQueued, markEmailFailed, markEmailsSent } from './outbox.ts';
import { type EmailTemplateName, isEmailTemplateName, renderEmail } from './render.ts';
import type { MailTransport } from './transports.ts';

/** The mail outbox's loop; it wakes at once when a transaction that queued mail commits. */
export type OutboxWorker = PollingLoop;

export interface OutboxWorkerOptions {
  db: Database;
  transport: MailTransport;
  from: string;
  logger: Logger;
  metrics?: Pick<Metrics, 'mailSent' | 'mailFailed'>;
  pollMs?: number;
  batchSize?: number;
}

function maskAddress(address: string): string {
  const [local = '', domain = ''] = address.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, transport, from, logger, metrics, pollMs = 1000, batchSize = 20 } = options;

  async function deliverRound(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const claimed = await claimDueEmails(db, batchSize);
      if (claimed.length === 0) return delivered;
      const sent: string[] = [];
      await Promise.all(
        claimed.map(async (mail) => {
          try {
            if (!isEmailTemplateName(mail.template)) throw new Error(`unknown template ${mail.template}`);
            const rendered = await renderEmail(mail.template as EmailTemplateName, mail.props as never);
            // The claim took only mail still pending, microseconds ago: a resend that cancels it
            // later kills its code too (code_superseded), so a second look here would buy nothing.
            await transport.send({ from, to: mail.toAddress, ...rendered });
            sent.push(mail.id);
            delivered++;
            metrics?.mailSent(mail.template);
            logger.info('mail delivered', {
              template: mail.template,
              to: maskAddress(mail.toAddress),
              via: transport.kind,
            });
          } catch (error) {
            metrics?.mailFailed(mail.template);
            const message = String(serializeError(error).message);
            await markEmailFailed(db, mail.id, mail.attempts, message).catch(() => {});
            logger.warn('mail delivery failed; will retry', {
              template: mail.template,
              attempt: mail.attempts,
              error,
            });
          }
        }),
      );
      // One statement for the round; a crash before it means a resend later (at least once).
      await markEmailsSent(db, sent);
      // A short batch was everything due: no need for another, empty, claim.
      if (claimed.length < batchSize) return delivered;
    }
  }

  return startPollingLoop(deliverRound, {
    pollMs,
    wakeOn: mailQueued,
    onError: (error) => logger.warn('outbox round failed', { error }),
  });
}
