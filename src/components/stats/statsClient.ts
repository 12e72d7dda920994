import type { AppDb } from '../../storage/db';
import type { StatsRequest, StatsResult } from './statsRequest';
import { workerCall } from '../workerCall';

const call = workerCall(() => new Worker(new URL('./stats.worker.ts', import.meta.url), { type: 'module' }));

/** Starts the worker and opens its database connection ahead of the first request. */
export const startStatsWorker = (): Promise<unknown> =>
  typeof Worker === 'undefined' ? Promise.resolve() : call({ kind: 'warm' }).catch(() => undefined);

/** Computes statistics in the worker; where Workers do not exist (tests), on this thread with the same code. */
export function requestStats<R extends StatsRequest>(db: AppDb, request: R): Promise<StatsResult<R>> {
  if (typeof Worker === 'undefined') {
    return import('./statsRequest').then((m) => m.runStatsRequest(db, request) as Promise<StatsResult<R>>);
  }
  return call(request) as Promise<StatsResult<R>>;
}
