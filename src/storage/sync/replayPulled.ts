import type { Scheduler } from '../../domain/scheduling/scheduler';
import { BULK_ROWS } from '../changeSequence';
import type { AppDb } from '../db';
import { PULL_REPLAY_META } from '../derived/keys';
import { pendingReplay } from './storePulled';
import { logsByCard } from '../../domain/scheduling/logsByCard';
import { replayedStates } from './replayedStates';

/**
 * Cards replayed per transaction at most: no more than the change sequence lists one by one, so
 * the states written are recorded as card changes, not as their roles rewritten wholesale (which
 * would make the next push offer every review of those roles again).
 */
export const REPLAY_CHUNK = BULK_ROWS;
/**
 * How long a transaction of the replay should take (ms): a rating's write waits behind one. A
 * card's replay costs what its history does (1,000 cards took up to 3 s at the full size, under a
 * millisecond each at the small one), so the number of cards is fitted to the time the last
 * transaction took, starting from FIRST_CHUNK, at most doubling each time.
 */
export const REPLAY_AIM_MS = 150;
export const FIRST_CHUNK = 100;
const MIN_CHUNK = 10;

/** The cards the next transaction replays, after one of `size` cards took `elapsed` ms. */
export function nextChunk(size: number, elapsed: number): number {
  const fitted = elapsed > 0 ? Math.floor((size * REPLAY_AIM_MS) / elapsed) : REPLAY_CHUNK;
  return Math.max(MIN_CHUNK, Math.min(REPLAY_CHUNK, 2 * size, fitted));
}

/**
 * The cards a pull stored reviews of without replaying them (storePulled), each given the state
 * all its reviews replay to in time order (replayCard, as applyReviews does), as many cards per
 * transaction as take about REPLAY_AIM_MS (`clock`: the time, in ms). The list is cleared once all are done; a replay cut short is done again whole
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
  clock: () => number = () => performance.now(),
): Promise<string[]> {
  const waiting = await pendingReplay(db);
  if (waiting.length === 0) return [];
  // Sorted, so that each chunk's reviews are one range of the cardId index.
  const ids = [...waiting].sort();
  const replayed: string[] = [];
  onProgress?.(0, ids.length);
  for (let i = 0, size = FIRST_CHUNK; i < ids.length;) {
    await pause?.();
    const chunk = ids.slice(i, i + size);
    const started = clock();
    replayed.push(...(await replayChunk(db, chunk, schedulerFor)));
    size = nextChunk(chunk.length, clock() - started);
    i += chunk.length;
    onProgress?.(i, ids.length);
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
    const byCard = logsByCard(inRange.filter((log) => wanted.has(log.cardId)));
    const states = await replayedStates(db, rows, byCard, schedulerFor);
    await db.states.bulkPut(states);
    return states.map((s) => s.cardId);
  });
}
