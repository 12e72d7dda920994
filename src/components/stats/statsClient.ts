import type { AppDb } from '../../storage/db';
import type { StatsRequest, StatsResult } from './statsRequest';

type Reply = { id: number; result?: unknown; error?: string };

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./stats.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const { id, result, error } = event.data;
      const waiting = pending.get(id);
      pending.delete(id);
      if (error !== undefined) waiting?.reject(new Error(error));
      else waiting?.resolve(result);
    };
  }
  return worker;
}

/** Computes statistics in the worker; where Workers do not exist (tests), on this thread with the same code. */
export function requestStats<R extends StatsRequest>(db: AppDb, request: R): Promise<StatsResult<R>> {
  if (typeof Worker === 'undefined') {
    return import('./statsRequest').then((m) => m.runStatsRequest(db, request) as Promise<StatsResult<R>>);
  }
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    getWorker().postMessage({ id, request });
  });
}
