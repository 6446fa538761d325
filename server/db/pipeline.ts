import { pgErrorCode } from './client.ts';

/** PostgreSQL's answer to every statement after a failed one in the same transaction. */
const TRANSACTION_ABORTED = '25P02';

type Results<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> };

/**
 * Awaits statements that were sent together (a pipeline) inside one transaction. When one fails,
 * every later one fails too, only because the transaction is aborted, and their answers may be
 * read first: this waits for all of them and throws the failure that is the cause.
 */
export async function pipeline<T extends readonly unknown[]>(steps: readonly [...T]): Promise<Results<T>> {
  const settled = await Promise.allSettled(steps);
  const failures = settled.flatMap((step) => (step.status === 'rejected' ? [step.reason] : []));
  if (failures.length > 0)
    throw failures.find((reason) => pgErrorCode(reason) !== TRANSACTION_ABORTED) ?? failures[0];
  return settled.map((step) => (step as PromiseFulfilledResult<unknown>).value) as Results<T>;
}
