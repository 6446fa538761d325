import { hash } from '@node-rs/argon2';

/**
 * CPU time of one argon2id hash with the server's parameters (server/accounts/password-hasher.ts:
 * m=19 MiB, t=2, p=1), from process.cpuUsage() around `count` hashes in a row in this process.
 * CPU time, not wall time, so it compares with the server's and PostgreSQL's CPU per registration.
 */
export async function hashCpuMs(count: number): Promise<number> {
  const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
  await hash('warm-up', options as never);
  const before = process.cpuUsage();
  for (let i = 0; i < count; i++) await hash(`123456-${i}`, options as never);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / count;
}
