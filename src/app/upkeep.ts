import { requestStats } from '../components/stats/statsClient';
import type { AppDb } from '../storage/db';

/**
 * Once the app has settled, the stats worker brings derived data up to date (the per-role state
 * snapshots statistics read, the log blocks export reads), so neither waits for it later. Only
 * where there are workers: it must never run on the thread that paints.
 */
export function scheduleUpkeep(db: AppDb, delayMs = 10_000): void {
  if (typeof Worker === 'undefined') return;
  const run = () =>
    void requestStats(db, { kind: 'upkeep' }).catch((error: unknown) => console.warn('upkeep failed', error));
  setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 5_000 });
    else run();
  }, delayMs);
}
