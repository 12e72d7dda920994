import type { AppDb } from '../storage/db';
import { startSyncIfOn } from './syncAtStart';
import { scheduleUpkeep } from './upkeep';

export { registerServiceWorker } from './serviceWorker';

/** Once boot has finished: idle-time upkeep of derived data, and sync on a device set up for it. */
export function afterBoot(db: AppDb): void {
  scheduleUpkeep();
  startSyncIfOn(db);
}
