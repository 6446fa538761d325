import { availableParallelism } from 'node:os';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.ts';

// OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane.
// Algorithm.Argon2id; the enum is a const enum that isolated modules cannot read.
const ARGON2_OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Costs one hash, for the paths where there is nothing to compare, so timing tells nothing. */
  verifyNothing(password: string): Promise<false>;
}

/**
 * Hashes run off the event loop, at most one per core at a time; beyond `maxQueued` waiting
 * callers the answer is 503 overloaded, so latency stays bounded when a burst arrives.
 */
export function createPasswordHasher(
  maxQueued: number,
  concurrency = availableParallelism(),
  observeWait: (seconds: number) => void = () => {},
): PasswordHasher {
  let running = 0;
  const waiting: (() => void)[] = [];
  let dummyHash: Promise<string> | undefined;

  async function withSlot<T>(work: () => Promise<T>): Promise<T> {
    if (running >= concurrency) {
      if (waiting.length >= maxQueued) throw new AppError('overloaded', { retryAfter: 1 });
      const queuedAt = performance.now();
      await new Promise<void>((resolve) => waiting.push(resolve));
      observeWait((performance.now() - queuedAt) / 1000);
    } else {
      running++;
      observeWait(0);
    }
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  }

  return {
    hash: (password) => withSlot(() => hash(password, ARGON2_OPTIONS)),
    verify: (stored, password) =>
      withSlot(async () => {
        try {
          return await verify(stored, password);
        } catch {
          return false;
        }
      }),
    async verifyNothing(password) {
      dummyHash ??= hash('not a real password', ARGON2_OPTIONS);
      const stored = await dummyHash;
      await withSlot(() => verify(stored, password).catch(() => false));
      return false;
    },
  };
}
