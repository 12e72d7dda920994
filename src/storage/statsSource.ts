import type { DayRollup } from '../domain/stats/dayRollup';
import type { AppDb } from './db';
import { loadSnapshotColumns } from './snapshots/loadSnapshots';
import type { SnapshotCache } from './snapshots/snapshotCache';
import type { StateSnapshot } from './snapshots/stateSnapshot';
import { buildRollups, rollupRollover } from './dayRollups';
import { expandPulled } from './sync/expandPulled';

export interface StatsSource {
  /** Each role's card states and topics, as columns. */
  roles: StateSnapshot[];
  /** Per-day rollups of the review logs (never the logs themselves: there may be millions). */
  days: DayRollup[];
}

/** Rollups built with another rollover hour are rebuilt first (rare: the setting changed). */
async function ensureRollups(db: AppDb, rolloverHour: number): Promise<void> {
  if ((await rollupRollover(db.meta)) === rolloverHour) return;
  // The rollups are rebuilt from `logs`: a large pull's blocks are written there first.
  await expandPulled(db);
  await db.transaction('rw', [db.logs, db.days, db.meta], () =>
    buildRollups(db.logs, db.days, db.meta, rolloverHour),
  );
}

/** Card states and day rollups of one role, or of everything (`deckId` null). */
export async function loadStatsSource(
  db: AppDb,
  deckId: string | null,
  rolloverHour: number,
  cache?: SnapshotCache,
): Promise<StatsSource> {
  await ensureRollups(db, rolloverHour);
  // The rollups are read after the snapshots, not beside them: Chromium's IndexedDB serves one
  // database's requests one after another, and every day's rollups (67 ms at 1M reviews) would
  // hold up the snapshots that the statistics screen's summary, asked for just before, waits for.
  const byDeck = await loadSnapshotColumns(db, deckId === null ? null : [deckId], cache);
  const days = await (deckId === null
    ? db.days.toArray()
    : db.days.where('[deckId+day]').between([deckId, -Infinity], [deckId, Infinity]).toArray());
  return { roles: [...byDeck.values()], days };
}

/** Every role's card states, for readiness at a glance. */
export const loadAllColumns = (db: AppDb, cache?: SnapshotCache): Promise<Map<string, StateSnapshot>> =>
  loadSnapshotColumns(db, null, cache);
