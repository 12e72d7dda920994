import Dexie from 'dexie';
import type { SchedState } from '../domain/scheduling/types';
import type { DayRollup } from '../domain/stats/dayRollup';
import { fromRow, type AppDb } from './db';
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

/** card id → topic from the [deckId+topic] index alone: keys and primary keys, no card content. */
async function topicsOf(db: AppDb, deckId: string): Promise<Map<string, string>> {
  const range = () =>
    db.cards.where('[deckId+topic]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]);
  const [keys, ids] = await Promise.all([range().keys(), range().primaryKeys()]);
  return new Map(ids.map((id, i) => [id, String((keys[i] as unknown as [string, string])[1])]));
}

/** Card states and day rollups of one role, or of everything (`deckId` null). */
export async function loadStatsSource(
  db: AppDb,
  deckId: string | null,
  rolloverHour: number,
): Promise<StatsSource> {
  await ensureRollups(db, rolloverHour);
  const [rows, days, cards] = await Promise.all([
    deckId === null ? db.states.toArray() : db.states.where('deckId').equals(deckId).toArray(),
    deckId === null
      ? db.days.toArray()
      : db.days.where('[deckId+day]').between([deckId, -Infinity], [deckId, Infinity]).toArray(),
    deckId === null ? Promise.resolve(new Map<string, string>()) : topicsOf(db, deckId),
  ]);
  return { states: rows.map(fromRow), days, topics: cards };
}

/** Every card state, for readiness at a glance. */
export async function loadAllStates(db: AppDb): Promise<SchedState[]> {
  return (await db.states.toArray()).map(fromRow);
}
