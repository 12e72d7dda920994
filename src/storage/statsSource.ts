import type { SchedState } from '../domain/scheduling/types';
import type { DayRollup } from '../domain/stats/dayRollup';
import type { AppDb } from './db';
import { loadSnapshots, statesOf } from './snapshots/loadSnapshots';
import type { SnapshotCache } from './snapshots/snapshotCache';
import { buildRollups, rollupRollover } from './dayRollups';

export interface StatsSource {
  states: SchedState[];
  /** Per-day rollups of the review logs (never the logs themselves: there may be millions). */
  days: DayRollup[];
  /** card id → topic, for per-topic tables (one role only). */
  topics: Map<string, string>;
}

/** Rollups built with another rollover hour are rebuilt first (rare: the setting changed). */
async function ensureRollups(db: AppDb, rolloverHour: number): Promise<void> {
  if ((await rollupRollover(db.settings)) === rolloverHour) return;
  await db.transaction('rw', [db.logs, db.days, db.settings], () =>
    buildRollups(db.logs, db.days, db.settings, rolloverHour),
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
  const [byDeck, days] = await Promise.all([
    loadSnapshots(db, deckId === null ? null : [deckId], cache),
    deckId === null
      ? db.days.toArray()
      : db.days.where('[deckId+day]').between([deckId, -Infinity], [deckId, Infinity]).toArray(),
  ]);
  const topics = new Map<string, string>();
  if (deckId !== null)
    for (const { state, topic } of byDeck.get(deckId) ?? [])
      if (topic !== undefined) topics.set(state.cardId, topic);
  return { states: statesOf(byDeck.values()), days, topics };
}

/** Every card state, for readiness at a glance. */
export async function loadAllStates(db: AppDb, cache?: SnapshotCache): Promise<SchedState[]> {
  return statesOf((await loadSnapshots(db, null, cache)).values());
}
