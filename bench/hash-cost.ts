import { hash } from '@node-rs/argon2';

export interface HashCost {
  /** CPU time (user + system, all threads) of one hash. */
  cpuMs: number;
  /** Wall time the call itself holds the calling thread before it hands back its promise. */
  callMs: number;
}

/**
 * One argon2id hash with the server's parameters (server/accounts/password-hasher.ts: m=19 MiB,
 * t=2, p=1), `count` in a row in this process: CPU time from process.cpuUsage(), so it compares
 * with the server's and PostgreSQL's CPU per registration; and how long hash() blocks the event
 * loop before its work moves to the thread pool.
 */
export async function hashCost(count: number): Promise<HashCost> {
  const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
  await hash('warm-up', options as never);
  let callMs = 0;
  const before = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const called = performance.now();
    const hashed = hash(`123456-${i}`, options as never);
    callMs += performance.now() - called;
    await hashed;
  }
  const used = process.cpuUsage(before);
  return { cpuMs: (used.user + used.system) / 1000 / count, callMs: callMs / count };
}
