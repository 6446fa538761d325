import { createPasswordHasher } from './accounts/password-hasher.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/client.ts';
import type { AppDeps } from './deps.ts';
import { loadKeyRing } from './keys/key-ring.ts';
import { createTokenIssuer } from './keys/tokens.ts';
import type { Logger } from './logger.ts';
import { createSmtpTransport, DevMailbox, type MailTransport } from './mail/transports.ts';
import { type OutboxWorker, startOutboxWorker } from './mail/worker.ts';
import { startRetentionSweeper } from './maintenance/retention.ts';
import { createMetrics } from './metrics/metrics.ts';
import { adoptDefaultLinks } from './registration/links.ts';
import type { RetrySchedule } from './webhooks/outbox.ts';
import { startWebhookWorker, type WebhookWorker } from './webhooks/worker.ts';

export interface Services {
  deps: AppDeps;
  transport: MailTransport;
  worker: OutboxWorker;
  webhookWorker: WebhookWorker;
  close(): Promise<void>;
}

/** Opens the database (migrating it), loads keys, and starts the mail worker. */
export async function startServices(
  config: Config,
  logger: Logger,
  options: {
    inMemoryDatabase?: boolean;
    /** PGlite only: start from this migrated data directory (tests), see `openDatabase`. */
    pgliteSnapshot?: Blob;
    pollMs?: number;
    maxConnections?: number;
    /** Webhook retry timing; tests shorten it to seconds. */
    webhookSchedule?: RetrySchedule;
  } = {},
): Promise<Services> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: options.inMemoryDatabase ? null : config.dataDir,
    maxConnections: options.maxConnections,
    pgliteSnapshot: options.pgliteSnapshot,
  });
  const metrics = createMetrics(database.db, logger);
  const keys = await loadKeyRing(database.db, config.signingKeys);
  await adoptDefaultLinks(database.db);
  const devMailbox = config.devMailbox ? new DevMailbox(config.dataDir) : undefined;
  const transport: MailTransport = devMailbox ?? createSmtpTransport(config.smtpUrl!);
  const worker = startOutboxWorker({
    db: database.db,
    transport,
    from: config.mailFrom,
    logger,
    metrics,
    pollMs: options.pollMs,
  });
  const retention = startRetentionSweeper(database.db, config.retentionDays, logger);
  const webhookWorker = startWebhookWorker({
    db: database.db,
    logger,
    rules: { allowPrivate: config.webhookAllowPrivate },
    schedule: options.webhookSchedule,
    pollMs: options.pollMs,
  });
  const deps: AppDeps = {
    config,
    db: database.db,
    keys,
    tokens: createTokenIssuer(keys, config.publicUrl),
    hasher: createPasswordHasher(config.maxQueuedHashes, undefined, metrics.hashQueueWait),
    logger,
    metrics,
    devMailbox,
  };
  return {
    deps,
    transport,
    worker,
    webhookWorker,
    async close() {
      await worker.stop();
      await retention.stop();
      await webhookWorker.stop();
      transport.close();
      await database.close();
    },
  };
}
