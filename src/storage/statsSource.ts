import type { LogLite } from '../domain/stats/history';
import type { SchedState } from '../domain/scheduling/types';
import { fromRow, type AppDb } from './db';

export interface StatsSource {
  states: SchedState[];
  logs: LogLite[];
  /** card id → topic, for per-topic tables (one role only). */
  topics: Map<string, string>;
}

/** Card states and review logs of one role, or of everything (`deckId` null). */
export async function loadStatsSource(db: AppDb, deckId: string | null): Promise<StatsSource> {
  const [rows, logs, cards] = await Promise.all([
    deckId === null ? db.states.toArray() : db.states.where('deckId').equals(deckId).toArray(),
    deckId === null
      ? db.logs.toArray()
      : db.logs.where('[deckId+review]').between([deckId, -Infinity], [deckId, Infinity]).toArray(),
    deckId === null ? Promise.resolve([]) : db.cards.where('deckId').equals(deckId).toArray(),
  ]);
  return { states: rows.map(fromRow), logs, topics: new Map(cards.map((c) => [c.id, c.topic])) };
}

/** Every card state, for readiness at a glance. */
export async function loadAllStates(db: AppDb): Promise<SchedState[]> {
  return (await db.states.toArray()).map(fromRow);
}
