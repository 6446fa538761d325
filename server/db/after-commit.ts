import type { Database, Queryable } from './client.ts';

type Task = () => void;

/** Work waiting for each open transaction (or savepoint) to commit. */
const waiting = new WeakMap<object, Task[]>();

/**
 * Runs `task` after the transaction `tx` commits, and never when it rolls back. Outside a
 * transaction every statement has already committed, so it runs at once. Tasks are for waking
 * workers and the like: one that throws is ignored.
 */
export function afterCommit(tx: Queryable, task: Task): void {
  const tasks = waiting.get(tx);
  if (tasks) tasks.push(task);
  else runAll([task]);
}

function runAll(tasks: Task[]) {
  for (const task of tasks) {
    try {
      task();
    } catch {}
  }
}

type TransactionOwner = Pick<Database, 'transaction'>;

/** Runs `work` in `owner`'s transaction (or savepoint) and hands its tasks to `settle` on success. */
function trackedTransaction(owner: TransactionOwner, settle: (tasks: Task[]) => void) {
  const begin = owner.transaction.bind(owner);
  owner.transaction = (async (work, config) => {
    const tasks: Task[] = [];
    const result = await begin(async (tx) => {
      waiting.set(tx, tasks);
      // A savepoint's tasks join the outer transaction's only when the savepoint is released.
      trackedTransaction(tx, (inner) => tasks.push(...inner));
      return work(tx);
    }, config);
    settle(tasks);
    return result;
  }) as Database['transaction'];
}

/** Gives every transaction of `db` an after-commit list (see afterCommit). */
export function withAfterCommit<D extends Database>(db: D): D {
  trackedTransaction(db, runAll);
  return db;
}
