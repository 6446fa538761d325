import { availableParallelism } from 'node:os';
import { hash } from '@node-rs/argon2';
import postgres from 'postgres';

/** argon2id hashes per second with the server's parameters, one loop per core. */
export async function argon2Floor(durationMs: number): Promise<number> {
  const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
  let done = 0;
  const until = Date.now() + durationMs;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: availableParallelism() }, async (_, i) => {
      while (Date.now() < until) {
        await hash(`123456-${i}-${done}`, options as never);
        done++;
      }
    }),
  );
  return done / ((performance.now() - began) / 1000);
}

/** Transactions per second inserting three rows with postgres.js, `inFlight` at a time. */
export async function rawTransactionFloor(
  url: string,
  durationMs: number,
  inFlight: number,
): Promise<number> {
  const sql = postgres(url, { max: inFlight, onnotice: () => {} });
  await sql`create table if not exists bench_a (id uuid primary key, body text not null)`;
  await sql`create table if not exists bench_b (id uuid primary key, a_id uuid not null, body text not null)`;
  await sql`create table if not exists bench_c (id uuid primary key, a_id uuid not null, body text not null)`;
  let done = 0;
  const until = Date.now() + durationMs;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (Date.now() < until) {
        await sql.begin(async (tx) => {
          const [a] = await tx`insert into bench_a values (gen_random_uuid(), 'a') returning id`;
          await tx`insert into bench_b values (gen_random_uuid(), ${a!.id}, 'b')`;
          await tx`insert into bench_c values (gen_random_uuid(), ${a!.id}, 'c')`;
        });
        done++;
      }
    }),
  );
  const rate = done / ((performance.now() - began) / 1000);
  await sql`drop table bench_a, bench_b, bench_c`;
  await sql.end();
  return rate;
}
