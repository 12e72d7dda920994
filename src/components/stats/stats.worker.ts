import { openDb } from '../../storage/openDb';
import { loadSnapshotColumns } from '../../storage/snapshots/loadSnapshots';
import { SnapshotCache } from '../../storage/snapshots/snapshotCache';
import { runStatsRequest, type StatsRequest, type WarmRequest } from './statsRequest';

/** Statistics over years of logs run here, off the main thread, on the worker's own connection. */
const db = openDb();
/** This worker lives as long as the page: snapshots it has read stay unpacked here between requests. */
const cache = new SnapshotCache();

self.onmessage = async (event: MessageEvent<{ id: number; request: StatsRequest | WarmRequest }>) => {
  const { id, request } = event.data;
  try {
    if (request.kind === 'warm') {
      await db.open();
      // The snapshots the screen will ask for, read into the cache while its code still loads.
      if (request.deckIds !== undefined) await loadSnapshotColumns(db, request.deckIds, cache);
      self.postMessage({ id, result: null });
      return;
    }
    self.postMessage({ id, result: await runStatsRequest(db, request, cache) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
