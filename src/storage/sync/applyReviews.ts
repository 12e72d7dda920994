import type { Scheduler } from '../../domain/scheduling/scheduler';
import type { ReviewLog, SchedState } from '../../domain/scheduling/types';
import { applyLog, emptyRollup, rollupKey, type DayRollup } from '../../domain/stats/dayRollup';
import { replayCard, unseenReviews } from '../../domain/sync/replay';
import { fromRow, toRow, type AppDb, type StateRow } from '../db';
import { rollupRollover } from '../dayRollups';

export interface AppliedReviews {
  /** Reviews this device did not have. */
  added: number;
  /** Cards given the state their merged reviews replay to. */
  cardIds: string[];
}

/**
 * Reviews from other devices, written in one transaction with the states of the cards they are
 * of, each replayed from all its reviews in time order, and with their days' rollups; snapshots,
 * log blocks and queue floors follow through the middlewares every write to states and logs
 * passes. Reviews already here are no-ops, so a batch applied twice changes nothing. A review of
 * a card this device does not have (a deck imported on the other one) is kept, with no state.
 */
export async function applyReviews(
  db: AppDb,
  incoming: readonly ReviewLog[],
  schedulerFor: (deckId: string) => Scheduler,
): Promise<AppliedReviews> {
  if (incoming.length === 0) return { added: 0, cardIds: [] };
  return db.transaction('rw', [db.states, db.logs, db.days, db.settings], async () => {
    const stored = await db.logs.bulkGet(incoming.map((l) => l.id));
    const fresh = unseenReviews(incoming, new Set(stored.flatMap((l) => (l ? [l.id] : []))));
    if (fresh.length === 0) return { added: 0, cardIds: [] };
    const cardIds = [...new Set(fresh.map((l) => l.cardId))];
    const [rows, history] = await Promise.all([
      db.states.bulkGet(cardIds),
      db.logs.where('cardId').anyOf(cardIds).toArray(),
    ]);
    const byCard = new Map<string, ReviewLog[]>();
    for (const log of [...history, ...fresh]) {
      const list = byCard.get(log.cardId);
      if (list) list.push(log);
      else byCard.set(log.cardId, [log]);
    }
    const states: StateRow[] = [];
    for (const row of rows) {
      if (!row) continue;
      const current: SchedState = fromRow(row);
      states.push(toRow(replayCard(current, byCard.get(current.cardId) ?? [], schedulerFor(current.deckId))));
    }
    await Promise.all([db.logs.bulkAdd(fresh), db.states.bulkPut(states), addToRollups(db, fresh)]);
    return { added: fresh.length, cardIds: states.map((s) => s.cardId) };
  });
}

/** Each review added to its day's rollup, one read and one write per day touched. */
async function addToRollups(db: AppDb, logs: readonly ReviewLog[]): Promise<void> {
  const rollover = await rollupRollover(db.settings);
  const byDay = new Map<string, { deckId: string; day: number; logs: ReviewLog[] }>();
  for (const log of logs) {
    const { deckId, day } = rollupKey(log, rollover);
    const key = `${deckId}:${day}`;
    const entry = byDay.get(key) ?? { deckId, day, logs: [] };
    entry.logs.push(log);
    byDay.set(key, entry);
  }
  const keys = [...byDay.values()];
  const existing = await db.days.bulkGet(keys.map((k): [string, number] => [k.deckId, k.day]));
  const rows: DayRollup[] = keys.map((k, i) =>
    k.logs.reduce((row, log) => applyLog(row, log, 1), existing[i] ?? emptyRollup(k.deckId, k.day)),
  );
  await db.days.bulkPut(rows);
}
