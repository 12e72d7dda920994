import type { Scheduler } from '../../domain/scheduling/scheduler';
import type { ReviewLog } from '../../domain/scheduling/types';
import { applyLog, emptyRollup, rollupKey, type DayRollup } from '../../domain/stats/dayRollup';
import { unseenReviews } from '../../domain/sync/replay';
import type { AppDb } from '../db';
import { rollupRollover } from '../dayRollups';
import { PULL_REPLAY_META } from '../derived/keys';
import { loadPulled, noteUndone, savePulled } from './pulledState';
import { logsByCard } from '../../domain/scheduling/logsByCard';
import { replayedStates } from './replayedStates';

export interface AppliedReviews {
  /** Reviews this device did not have. */
  added: number;
  /** Reviews undone on another device that this one had: removed. */
  removed: number;
  /** Cards given the state their merged reviews replay to. */
  cardIds: string[];
  /** The change sequence number of the transaction that wrote them (none when nothing changed). */
  usn?: number;
}

/**
 * Reviews from other devices, and the reviews undone there (`undone`, ids), written in one
 * transaction with the states of the cards they are of, each replayed from all its remaining
 * reviews in time order (a card whose only review was undone is new again), and with their
 * days' rollups; snapshots, log blocks and queue floors follow through the middlewares every
 * write to states and logs passes. Reviews already here are no-ops, and an undone review is never
 * added, so a page applied twice changes nothing. A review of a card this device does not have
 * (a deck not here yet) is kept, with no state.
 */
export async function applyReviews(
  db: AppDb,
  incoming: readonly ReviewLog[],
  schedulerFor: (deckId: string) => Scheduler,
  undone: ReadonlySet<string> = new Set(),
): Promise<AppliedReviews> {
  const none: AppliedReviews = { added: 0, removed: 0, cardIds: [] };
  if (incoming.length === 0 && undone.size === 0) return none;
  const tables = [db.states, db.logs, db.days, db.settings, db.meta, db.cards, db.changeLog];
  return db.transaction('rw', tables, async () => {
    const wanted = incoming.filter((l) => !undone.has(l.id));
    const [stored, gone] = await Promise.all([
      db.logs.bulkGet(wanted.map((l) => l.id)),
      db.logs.bulkGet([...undone]),
    ]);
    const fresh = unseenReviews(wanted, new Set(stored.flatMap((l) => (l ? [l.id] : []))));
    const removed = gone.flatMap((l) => (l ? [l] : []));
    if (fresh.length === 0 && removed.length === 0) return none;
    const cardIds = [...new Set([...fresh, ...removed].map((l) => l.cardId))];
    if (removed.length) await db.logs.bulkDelete(removed.map((l) => l.id));
    const rollups = addToRollups(db, [
      ...fresh.map((log): RollupChange => ({ log, sign: 1 })),
      ...removed.map((log): RollupChange => ({ log, sign: -1 })),
    ]);
    // While a large pull's blocks wait to be written into `logs`, the cards' histories here lack
    // their reviews: the cards are replayed once the blocks are written (settlePulled), and keep
    // their state until then, as a large pull's cards do until its end.
    const pulled = await loadPulled(db);
    if (Object.keys(pulled.blocks).length) {
      if (undone.size) await savePulled(db, noteUndone(pulled, undone));
      const waiting = (await db.meta.get(PULL_REPLAY_META))?.value;
      const list = new Set([...(Array.isArray(waiting) ? (waiting as string[]) : []), ...cardIds]);
      await Promise.all([
        db.logs.bulkAdd(fresh),
        rollups,
        db.meta.put({ key: PULL_REPLAY_META, value: [...list] }),
      ]);
      const usn = await db.changeLog.orderBy('usn').lastKey();
      return {
        added: fresh.length,
        removed: removed.length,
        cardIds: [],
        ...(typeof usn === 'number' && { usn }),
      };
    }
    // Each card's reviews by an index range of its own, all requested at once: one cursor over
    // anyOf's keys steps to the backend review by review (the histories of 200 cards: 120-650 ms
    // that way, 45-340 ms this way, at load 9).
    const [rows, ...histories] = await Promise.all([
      db.states.bulkGet(cardIds),
      ...cardIds.map((id) => db.logs.where('cardId').equals(id).toArray()),
    ]);
    const byCard = logsByCard([...histories.flat(), ...fresh]);
    const states = await replayedStates(db, rows, byCard, schedulerFor);
    await Promise.all([db.logs.bulkAdd(fresh), db.states.bulkPut(states), rollups]);
    const usn = await db.changeLog.orderBy('usn').lastKey();
    return {
      added: fresh.length,
      removed: removed.length,
      cardIds: states.map((s) => s.cardId),
      ...(typeof usn === 'number' && { usn }),
    };
  });
}

export interface RollupChange {
  log: ReviewLog;
  sign: 1 | -1;
}

/**
 * Each review added to (or taken from) its day's rollup, one read and one write per day touched.
 * `rollover`: the rollover hour, when the caller read it already.
 */
export async function addToRollups(
  db: AppDb,
  changes: readonly RollupChange[],
  rollover?: number,
): Promise<void> {
  if (changes.length === 0) return;
  rollover ??= await rollupRollover(db.meta);
  const byDay = new Map<string, { deckId: string; day: number; changes: RollupChange[] }>();
  for (const change of changes) {
    const { deckId, day } = rollupKey(change.log, rollover);
    const key = `${deckId}:${day}`;
    const entry = byDay.get(key) ?? { deckId, day, changes: [] };
    entry.changes.push(change);
    byDay.set(key, entry);
  }
  const keys = [...byDay.values()];
  const existing = await db.days.bulkGet(keys.map((k): [string, number] => [k.deckId, k.day]));
  const rows: DayRollup[] = keys.map((k, i) =>
    k.changes.reduce(
      (row, { log, sign }) => applyLog(row, log, sign),
      existing[i] ?? emptyRollup(k.deckId, k.day),
    ),
  );
  await db.days.bulkPut(rows);
}
