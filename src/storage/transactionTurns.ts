import type { DBCoreTransaction } from 'dexie';

const turns = new WeakMap<DBCoreTransaction, Promise<unknown>>();

/**
 * Runs `step` after the steps queued before it in the same transaction. Middleware that reads a
 * row, merges into it and writes it back needs this: two writes running at once in one transaction
 * would both read the old row, and the second would drop what the first merged.
 */
export function inTurn<T>(trans: DBCoreTransaction, step: () => Promise<T>): Promise<T> {
  const run = (turns.get(trans) ?? Promise.resolve()).then(step);
  turns.set(
    trans,
    run.catch(() => undefined),
  );
  return run;
}
