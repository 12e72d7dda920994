import { pruneChangeLog } from '../storage/changeLogPruning';
import { openDb } from '../storage/openDb';
import { refreshLogBlocks } from '../storage/logBlocks/refreshLogBlocks';
import { refreshSnapshots } from '../storage/snapshots/loadSnapshots';
import { pulledLeft } from '../storage/sync/pulledState';

/** Brings derived data up to date; the page terminates this worker the moment the user acts. */
const db = openDb();

self.onmessage = async () => {
  try {
    await refreshSnapshots(db);
    // Not while a large pull's reviews are written into `logs` (sync/expandPulled.ts): its
    // transactions touch most months, each rebuilt again at every idle moment until it is done.
    if ((await pulledLeft(db)) === 0) await refreshLogBlocks(db);
    // After both: what they have just covered may go.
    await pruneChangeLog(db);
    self.postMessage({ done: true });
  } catch (error) {
    self.postMessage({ done: false, error: error instanceof Error ? error.message : String(error) });
  }
};
