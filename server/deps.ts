import type { PasswordHasher } from './accounts/password-hasher.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { KeyRing } from './keys/key-ring.ts';
import type { TokenIssuer } from './keys/tokens.ts';
import type { Logger } from './logger.ts';
import type { DevMailbox } from './mail/transports.ts';
import type { Metrics } from './metrics/metrics.ts';

/** Everything the HTTP app and the services need; built once by main.ts (or a test). */
export interface AppDeps {
  config: Config;
  db: Database;
  keys: KeyRing;
  tokens: TokenIssuer;
  hasher: PasswordHasher;
  logger: Logger;
  metrics: Metrics;
  /** Present while mail goes to the dev mailbox (no SMTP_URL). */
  devMailbox?: DevMailbox;
}
