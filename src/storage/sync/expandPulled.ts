import Dexie from 'dexie';
import type { ReviewLog } from '../../domain/scheduling/types';
import { BULK_ROWS, declarePulled } from '../changeSequence';
import type { AppDb } from '../db';
import { PULL_REPLAY_META } from '../derived/keys';
import { addToRollups } from './applyReviews';
import { pulledLog } from './pulledBlock';
import { listPulledMonths } from './pulledMonths';
import { loadPulled, pulledLeft, savePulled, settled } from './pulledState';

/**
 * Rows written per transaction: a rating's write waits behind at most this many, and no more than
 * the change sequence lists one by one (so the log blocks rebuild only their months).
 */
export const EXPAND_CHUNK = BULK_ROWS;

export interface ExpandOptions {
  /** Awaited before each transaction (sync's wait while cards are being rated). */
  pause?: () => Promise<void>;
  /** Reviews still to write, before the first transaction and after each. */
  onProgress?: (left: number) => void;
}

/**
 * Writes the settled blocks' reviews (counted in the rollups, cards replayed: settlePulled) into
 * `logs`, EXPAND_CHUNK a transaction, oldest block first; each block is deleted in the transaction
 * that writes its last rows, and how far each is written is recorded in the same transactions, so
 * a tab closed midway loses nothing and repeats nothing. A review already in `logs` (a batch
 * pulled again after a restore) is left as it is and taken out of the rollup the block added it
 * to; a review undone elsewhere is not written, and taken out too. The transactions say they
 * write what a pull brought (declarePulled): the push never offers it. Anyone may call this at
 * once (the sync worker after a pull, a reader that needs every review): each transaction takes
 * the next rows as it finds them. Returns once no settled block is left.
 */
export async function expandPulled(db: AppDb, { pause, onProgress }: ExpandOptions = {}): Promise<void> {
  onProgress?.(await pulledLeft(db));
  for (;;) {
    await pause?.();
    const left = await expandChunk(db);
    if (left === null) return;
    onProgress?.(left);
  }
}

/** One transaction's rows; the reviews left after it, or null when no settled block was left. */
async function expandChunk(db: AppDb): Promise<number | null> {
  const tables = [db.pulledBlocks, db.logs, db.days, db.meta, db.changeLog];
  return db.transaction('rw', tables, async () => {
    const state = await loadPulled(db);
    const key = Object.keys(state.blocks)
      .sort()
      .find((k) => settled(state.blocks[k]!));
    if (key === undefined) return null;
    const at = state.blocks[key]!;
    const block = await db.pulledBlocks.get(key);
    const end = Math.min(at.done + EXPAND_CHUNK, block?.count ?? 0);
    const undone = new Set(state.undone);
    const rows: ReviewLog[] = [];
    const dropped: ReviewLog[] = [];
    for (let i = at.done; block && i < end; i++) {
      const log = pulledLog(block, i);
      (undone.has(log.id) ? dropped : rows).push(log);
    }
    // Their cards are replayed without them (settlePulled), should the undo have come after
    // their replay: the record of it goes with the last block.
    if (dropped.length)
      await replayAgain(
        db,
        dropped.map((l) => l.cardId),
      );
    declarePulled(listPulledMonths);
    if (rows.length)
      await db.logs.bulkAdd(rows).catch((error: unknown) => {
        for (const pos of alreadyStored(error)) dropped.push(rows[pos]!);
      });
    await addToRollups(
      db,
      dropped.map((log) => ({ log, sign: -1 as const })),
    );
    if (!block || end >= block.count) {
      delete state.blocks[key];
      await db.pulledBlocks.delete(key);
      if (Object.keys(state.blocks).length === 0) state.undone = [];
    } else at.done = end;
    await savePulled(db, state);
    return Object.values(state.blocks).reduce((sum, b) => sum + b.count - b.done, 0);
  });
}

async function replayAgain(db: AppDb, cardIds: readonly string[]): Promise<void> {
  const row = await db.meta.get(PULL_REPLAY_META);
  const waiting = new Set([...(Array.isArray(row?.value) ? (row.value as string[]) : []), ...cardIds]);
  await db.meta.put({ key: PULL_REPLAY_META, value: [...waiting] });
}

/** Positions of the adds that failed because the review is already stored. */
function alreadyStored(error: unknown): number[] {
  if (!(error instanceof Dexie.BulkError)) throw error;
  const failures = Object.entries(error.failuresByPos);
  const other = failures.find(([, e]) => e.name !== 'ConstraintError');
  if (other) throw other[1];
  return failures.map(([pos]) => Number(pos));
}
