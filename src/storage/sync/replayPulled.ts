import type { Scheduler } from '../../domain/scheduling/scheduler';
import type { ReviewLog } from '../../domain/scheduling/types';
import { countingReviews, replayCard } from '../../domain/sync/replay';
import { BULK_ROWS } from '../changeSequence';
import { fromRow, toRow, type AppDb, type StateRow } from '../db';
import { PULL_REPLAY_META } from '../derived/keys';
import { pendingReplay } from './storePulled';

/**
 * Cards replayed per transaction: no more than the change sequence lists one by one, so the
 * states written are recorded as card changes, not as their roles rewritten wholesale (which
 * would make the next push offer every review of those roles again).
 */
export const REPLAY_CHUNK = BULK_ROWS;

/**
 * The cards a pull stored reviews of without replaying them (storePulled), each given the state
 * all its reviews replay to in time order (replayCard, as applyReviews does), REPLAY_CHUNK cards
 * per transaction. The list is cleared once all are done; a replay cut short is done again whole
 * by the next pull (a replay from all a card's reviews gives the same state twice). `pause` is
 * awaited before each transaction (sync's wait while cards are being rated: a rating's write
 * waits behind a transaction of these tables). `onProgress` hears how many of the waiting cards
 * are done, before the first transaction and after each (a first pull's replay of 71,000 cards
 * takes minutes). Returns the cards whose states were written.
 */
export async function replayPulled(
  db: AppDb,
  schedulerFor: (deckId: string) => Scheduler,
  pause?: () => Promise<void>,
  onProgress?: (done: number, total: number) => void,
): Promise<string[]> {
  const waiting = await pendingReplay(db);
  if (waiting.length === 0) return [];
  // Sorted, so that each chunk's reviews are one range of the cardId index.
  const ids = [...waiting].sort();
  const replayed: string[] = [];
  onProgress?.(0, ids.length);
  for (let i = 0; i < ids.length; i += REPLAY_CHUNK) {
    await pause?.();
    replayed.push(...(await replayChunk(db, ids.slice(i, i + REPLAY_CHUNK), schedulerFor)));
    onProgress?.(Math.min(i + REPLAY_CHUNK, ids.length), ids.length);
  }
  const done = new Set(waiting);
  await db.transaction('rw', db.meta, async () => {
    const left = (await pendingReplay(db)).filter((id) => !done.has(id));
    if (left.length) await db.meta.put({ key: PULL_REPLAY_META, value: left });
    else await db.meta.delete(PULL_REPLAY_META);
  });
  return replayed;
}

async function replayChunk(
  db: AppDb,
  cardIds: readonly string[],
  schedulerFor: (deckId: string) => Scheduler,
): Promise<string[]> {
  const tables = [db.states, db.logs, db.cards, db.meta, db.changeLog];
  return db.transaction('rw', tables, async () => {
    const wanted = new Set(cardIds);
    const [rows, inRange] = await Promise.all([
      db.states.bulkGet([...cardIds]),
      db.logs
        .where('cardId')
        .between(cardIds[0]!, cardIds[cardIds.length - 1]!, true, true)
        .toArray(),
    ]);
    const byCard = new Map<string, ReviewLog[]>();
    for (const log of inRange) {
      if (!wanted.has(log.cardId)) continue;
      const list = byCard.get(log.cardId);
      if (list) list.push(log);
      else byCard.set(log.cardId, [log]);
    }
    // A card left with no review that counts (all undone, or from before its reset) is new again
    // at its position in its deck.
    const emptied = rows.flatMap((row) =>
      row && countingReviews(row, byCard.get(row.cardId) ?? []).length === 0 ? [row.cardId] : [],
    );
    const positions = new Map(
      (await db.cards.bulkGet(emptied)).flatMap((c) => (c ? [[c.id, c.position] as const] : [])),
    );
    const states: StateRow[] = [];
    for (const row of rows) {
      if (!row) continue;
      const current = fromRow(row);
      const logs = byCard.get(current.cardId) ?? [];
      const position =
        countingReviews(current, logs).length === 0 ? (positions.get(current.cardId) ?? 0) : undefined;
      states.push(toRow(replayCard(current, logs, schedulerFor(current.deckId), position)));
    }
    await db.states.bulkPut(states);
    return states.map((s) => s.cardId);
  });
}
