import type { AppDb } from '../../storage/db';
import type { StatsRequest, StatsResult, WarmRequest } from './statsRequest';
import { workerCall } from '../workerCall';
import { statsWorker } from './statsWorker';

const call = workerCall(statsWorker);

/**
 * Starts the worker and opens its database connection ahead of the first request; with `deckIds`
 * (null: every role), reads those roles' snapshots too, which the statistics then take from its cache.
 */
export const startStatsWorker = (deckIds?: readonly string[] | null): Promise<unknown> =>
  typeof Worker === 'undefined'
    ? Promise.resolve()
    : call({ kind: 'warm', deckIds } satisfies WarmRequest).catch(() => undefined);

/** Computes statistics in the worker; where Workers do not exist (tests), on this thread with the same code. */
export function requestStats<R extends StatsRequest>(db: AppDb, request: R): Promise<StatsResult<R>> {
  if (typeof Worker === 'undefined') {
    return import('./statsRequest').then((m) => m.runStatsRequest(db, request) as Promise<StatsResult<R>>);
  }
  return call(request) as Promise<StatsResult<R>>;
}
