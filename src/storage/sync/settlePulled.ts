import type { Scheduler } from '../../domain/scheduling/scheduler';
import { emptyRollup, rollupsFromLogs, type DayRollup } from '../../domain/stats/dayRollup';
import type { ReviewLog } from '../../domain/scheduling/types';
import type { ReplayReview } from '../../domain/sync/replay';
import { BULK_ROWS } from '../changeSequence';
import { rollupRollover } from '../dayRollups';
import type { AppDb } from '../db';
import { PULL_REPLAY_META } from '../derived/keys';
import { pulledLog, type PulledBlock } from './pulledBlock';
import { loadPulled, savePulled, settled } from './pulledState';
import { replayedStates } from './replayedStates';
import { pendingReplay } from './storePulled';

/**
 * Cards replayed per transaction at most: no more than the change sequence lists one by one, so
 * the states written are recorded as card changes, not as their roles rewritten wholesale (which
 * would make the next push offer every review of those roles again).
 */
export const REPLAY_CHUNK = BULK_ROWS;
/**
 * How long a transaction of the replay should take (ms): a rating's write waits behind one. A
 * card's replay costs what its history does, so the number of cards is fitted to the time the
 * last transaction took, starting from FIRST_CHUNK, at most doubling each time.
 */
export const REPLAY_AIM_MS = 150;
export const FIRST_CHUNK = 100;
const MIN_CHUNK = 10;

/** The cards the next transaction replays, after one of `size` cards took `elapsed` ms. */
export function nextChunk(size: number, elapsed: number): number {
  const fitted = elapsed > 0 ? Math.floor((size * REPLAY_AIM_MS) / elapsed) : REPLAY_CHUNK;
  return Math.max(MIN_CHUNK, Math.min(REPLAY_CHUNK, 2 * size, fitted));
}

export interface SettleOptions {
  /** Awaited before each read of a block and each transaction (sync's wait while cards are rated). */
  pause?: () => Promise<void>;
  /** Cards replayed of those waiting: before the first transaction and after each. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Cards that wait only for a replay from all their reviews (a day's pull while blocks wait) are
   * left for after the blocks are written, when their reviews are read from `logs` alone, instead
   * of reading every block now (a pull's end: the sync worker settles again after writing them).
   */
  leaveWaiting?: boolean;
  /** The time, in ms (what fits the replay's transactions to REPLAY_AIM_MS). */
  clock?: () => number;
}

/**
 * The end of a pull that stored blocks (storePulled): every block read once, in memory, for
 *  - the day rollups of the blocks not counted yet, written in one transaction that marks them
 *    counted (so a block counts once, whatever stops the pull), and
 *  - the states of their cards, each replayed from all its reviews in time order (the blocks'
 *    and its rows in `logs`, each review once; replayCard, as applyReviews does), as many cards
 *    per transaction as take about REPLAY_AIM_MS. A replay cut short is done again whole next time (a replay from all
 *    a card's reviews gives the same state twice); the blocks are marked replayed at the end.
 * A card's reviews are spread over every block of a first pull; reading them back through the
 * `cardId` index of a million fresh rows cost minutes. Also replays the cards an earlier app's
 * pull left waiting (PULL_REPLAY_META). Returns the cards whose states were written.
 */
export async function settlePulled(
  db: AppDb,
  schedulerFor: (deckId: string) => Scheduler,
  { pause, onProgress, leaveWaiting, clock = () => performance.now() }: SettleOptions = {},
): Promise<string[]> {
  const state = await loadPulled(db);
  const legacy = await pendingReplay(db);
  const open = Object.entries(state.blocks).filter(([, b]) => !settled(b));
  if (open.length === 0 && !state.undoneSince) {
    if (legacy.length === 0) return [];
    if (leaveWaiting && Object.keys(state.blocks).length) return [];
  }
  const toCount = open.filter(([, b]) => !b.counted).map(([key]) => key);
  const toReplay = new Set(open.filter(([, b]) => !b.replayed).map(([key]) => key));
  const undone = new Set(state.undone);
  const rollover = await rollupRollover(db.meta);

  const cards = new Set(legacy);
  const byCard = new Map<string, ReplayReview[]>();
  const counting = new Set(toCount);
  const deltas = new Map<string, DayRollup>();
  for (const key of Object.keys(state.blocks).sort()) {
    await pause?.();
    const block = await db.pulledBlocks.get(key);
    if (!block) continue;
    // A card whose review was undone since its block was replayed is replayed again without it.
    if (state.undoneSince)
      for (let i = state.blocks[key]!.done; i < block.count; i++)
        if (undone.has(block.ids[i]!)) cards.add(block.cardIds[i]!);
    const logs = blockReviews(block, state.blocks[key]!.done, undone);
    if (counting.has(key)) addDeltas(deltas, rollupsFromLogs(logs, rollover));
    if (toReplay.has(key)) for (const l of logs) cards.add(l.cardId);
    for (const l of logs) {
      const review = { id: l.id, rating: l.rating, review: l.review, durationMs: l.durationMs };
      const list = byCard.get(l.cardId);
      if (list) list.push(review);
      else byCard.set(l.cardId, [review]);
    }
  }

  if (toCount.length) await countBlocks(db, toCount, [...deltas.values()]);

  const ids = [...cards].sort();
  const replayed: string[] = [];
  onProgress?.(0, ids.length);
  for (let i = 0, size = FIRST_CHUNK; i < ids.length;) {
    await pause?.();
    const chunk = ids.slice(i, i + size);
    const started = clock();
    replayed.push(...(await replayChunk(db, chunk, byCard, schedulerFor)));
    size = nextChunk(chunk.length, clock() - started);
    i += chunk.length;
    onProgress?.(i, ids.length);
  }

  const done = new Set(legacy);
  await db.transaction('rw', db.meta, async () => {
    const now = await loadPulled(db);
    for (const key of toReplay) if (now.blocks[key]) now.blocks[key].replayed = true;
    // Undone meanwhile (another transaction noted it): replayed next time.
    if (now.undone.length === state.undone.length) delete now.undoneSince;
    await savePulled(db, now);
    const left = (await pendingReplay(db)).filter((id) => !done.has(id));
    if (left.length) await db.meta.put({ key: PULL_REPLAY_META, value: left });
    else await db.meta.delete(PULL_REPLAY_META);
  });
  return replayed;
}

/**
 * The cards' rows in `logs` (this device's own reviews, those of blocks already written, a day's
 * pages), the ids sorted: one range of the cardId index when they are most of the cards in it (a
 * chunk of a first pull's cards), else a range per card (a day's few cards spread over every role:
 * one range from the first to the last read every review here, 80 s at a million).
 */
async function rowsOf(db: AppDb, cardIds: readonly string[]): Promise<ReviewLog[]> {
  const [first, last] = [cardIds[0]!, cardIds[cardIds.length - 1]!];
  const spanned = await db.states.where('cardId').between(first, last, true, true).count();
  if (spanned <= 2 * cardIds.length)
    return db.logs.where('cardId').between(first, last, true, true).toArray();
  return (await Promise.all(cardIds.map((id) => db.logs.where('cardId').equals(id).toArray()))).flat();
}

/** A block's reviews not yet written into `logs` (from `done`), less those undone elsewhere. */
function blockReviews(block: PulledBlock, done: number, undone: ReadonlySet<string>) {
  const logs = [];
  for (let i = done; i < block.count; i++) if (!undone.has(block.ids[i]!)) logs.push(pulledLog(block, i));
  return logs;
}

const dayKey = (r: Pick<DayRollup, 'deckId' | 'day'>) => `${r.deckId}\u0000${r.day}`;

function addDeltas(into: Map<string, DayRollup>, rows: readonly DayRollup[]): void {
  for (const row of rows) {
    const key = dayKey(row);
    into.set(key, sumRollups(into.get(key) ?? emptyRollup(row.deckId, row.day), row));
  }
}

const sumRollups = (a: DayRollup, b: DayRollup): DayRollup => ({
  ...a,
  count: a.count + b.count,
  timeMs: a.timeMs + b.timeMs,
  fresh: a.fresh + b.fresh,
  mature: a.mature + b.mature,
  maturePass: a.maturePass + b.maturePass,
});

/**
 * The blocks' reviews into their days' rollups, and the blocks marked counted, in one
 * transaction. Nothing else writes a block that is not settled (the rows of a block are written
 * only once it is), so the blocks are as they were read; should one not be, nothing is written.
 */
async function countBlocks(db: AppDb, keys: readonly string[], deltas: readonly DayRollup[]): Promise<void> {
  await db.transaction('rw', [db.days, db.meta], async () => {
    const state = await loadPulled(db);
    if (keys.some((k) => !state.blocks[k] || state.blocks[k].counted || state.blocks[k].done > 0))
      throw new Error('pulled blocks changed while they were counted');
    const existing = await db.days.bulkGet(deltas.map((d): [string, number] => [d.deckId, d.day]));
    await db.days.bulkPut(deltas.map((d, i) => sumRollups(existing[i] ?? emptyRollup(d.deckId, d.day), d)));
    for (const k of keys) state.blocks[k]!.counted = true;
    await savePulled(db, state);
  });
}

async function replayChunk(
  db: AppDb,
  cardIds: readonly string[],
  staged: ReadonlyMap<string, readonly ReplayReview[]>,
  schedulerFor: (deckId: string) => Scheduler,
): Promise<string[]> {
  const tables = [db.states, db.logs, db.cards, db.meta, db.changeLog];
  return db.transaction('rw', tables, async () => {
    const [rows, inRange] = await Promise.all([db.states.bulkGet([...cardIds]), rowsOf(db, cardIds)]);
    // Each review once: a block's rows may be written meanwhile, a batch pulled twice.
    const byCard = new Map<string, Map<string, ReplayReview>>();
    for (const id of cardIds) byCard.set(id, new Map((staged.get(id) ?? []).map((r) => [r.id, r])));
    for (const log of inRange) byCard.get(log.cardId)?.set(log.id, log);
    const histories = new Map([...byCard].map(([id, reviews]) => [id, [...reviews.values()]]));
    const states = await replayedStates(db, rows, histories, schedulerFor);
    await db.states.bulkPut(states);
    return states.map((s) => s.cardId);
  });
}
