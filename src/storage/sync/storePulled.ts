import type { ReviewLog } from '../../domain/scheduling/types';
import { unseenReviews } from '../../domain/sync/replay';
import { BULK_ROWS } from '../changeSequence';
import type { AppDb } from '../db';
import { PULL_REPLAY_META } from '../derived/keys';
import { addToRollups, type AppliedReviews } from './applyReviews';
import { packPulled } from './pulledBlock';
import { loadPulled, noteUndone, savePulled } from './pulledState';

/**
 * A pulled page of more reviews than this (a first pull, a device back after a long time) is
 * stored as blocks with storePulled, its cards replayed once at the end of the pull
 * (settlePulled); a smaller one (a day's reviews) with applyReviews, its cards replayed in its
 * own transaction.
 */
export const DEFERRED_REPLAY_ABOVE = BULK_ROWS;

/** The cards an earlier app's pull left waiting for their replay (PULL_REPLAY_META), as stored. */
export async function pendingReplay(db: AppDb): Promise<string[]> {
  const row = await db.meta.get(PULL_REPLAY_META);
  return Array.isArray(row?.value) ? (row.value as string[]) : [];
}

/**
 * Reviews undone elsewhere removed per transaction (their rows, rollups and change entries): a
 * rating's write waits behind at most this many.
 */
export const STORE_CHUNK = 2 * BULK_ROWS;

/** A review batch a pull received: its document's id and its reviews. */
export interface PulledBatch {
  key: string;
  reviews: readonly ReviewLog[];
}

export interface StorePulledOptions {
  /** Awaited before each transaction after the first (sync's wait while cards are being rated). */
  pause?: () => Promise<void>;
  /** After each transaction: what it stored (a pull records the number of one that wrote `logs`). */
  onStored?: (part: AppliedReviews) => void | Promise<void>;
}

/**
 * A large pulled page, a batch per transaction, each as one block of columns (pulledBlock.ts)
 * and not as a row per review in `logs`: a million rows there cost minutes, 5,000 reviews to a
 * record a few seconds. The rows are written afterwards, in the background (expandPulled); the
 * day rollups are counted and the cards replayed at the end of the pull, from all the blocks at
 * once (settlePulled). A batch already stored (a page cut short and stored again) is not stored
 * twice. The reviews undone elsewhere (`undone`) are removed from `logs` first, STORE_CHUNK a
 * transaction (with their rollups, their cards replayed at the end of the pull), left out of the
 * blocks, and noted for the blocks stored before, whose rows then never reach `logs`.
 */
export async function storePulled(
  db: AppDb,
  batches: readonly PulledBatch[],
  undone: ReadonlySet<string> = new Set(),
  { pause, onStored }: StorePulledOptions = {},
): Promise<AppliedReviews> {
  const total: AppliedReviews = { added: 0, removed: 0, cardIds: [] };
  const seen = new Set<string>();
  const note = async (part: AppliedReviews) => {
    total.added += part.added;
    total.removed += part.removed;
    if (part.usn !== undefined) total.usn = part.usn;
    await onStored?.(part);
  };
  const gone = [...undone];
  for (let i = 0; i < gone.length; i += STORE_CHUNK) {
    if (i > 0) await pause?.();
    await note(await removeUndone(db, gone.slice(i, i + STORE_CHUNK)));
  }
  for (const [i, batch] of batches.entries()) {
    if (i > 0 || gone.length) await pause?.();
    // Each review once, even if two batches held it.
    const reviews = unseenReviews(
      batch.reviews.filter((l) => !undone.has(l.id)),
      seen,
    );
    for (const l of reviews) seen.add(l.id);
    await note(await storeBlock(db, batch.key, reviews));
  }
  return total;
}

async function removeUndone(db: AppDb, undone: readonly string[]): Promise<AppliedReviews> {
  return db.transaction('rw', [db.logs, db.days, db.meta, db.changeLog], async () => {
    const gone = (await db.logs.bulkGet([...undone])).flatMap((l) => (l ? [l] : []));
    const state = await loadPulled(db);
    if (Object.keys(state.blocks).length) await savePulled(db, noteUndone(state, undone));
    if (gone.length === 0) return { added: 0, removed: 0, cardIds: [] };
    await db.logs.bulkDelete(gone.map((l) => l.id));
    await addToRollups(
      db,
      gone.map((log) => ({ log, sign: -1 as const })),
    );
    // Their cards are replayed with the others at the end of the pull.
    const waiting = new Set(await pendingReplay(db));
    for (const l of gone) waiting.add(l.cardId);
    await db.meta.put({ key: PULL_REPLAY_META, value: [...waiting] });
    const usn = await db.changeLog.orderBy('usn').lastKey();
    return { added: 0, removed: gone.length, cardIds: [], ...(typeof usn === 'number' && { usn }) };
  });
}

async function storeBlock(db: AppDb, key: string, reviews: readonly ReviewLog[]): Promise<AppliedReviews> {
  const none = { added: 0, removed: 0, cardIds: [] };
  if (reviews.length === 0) return none;
  const block = packPulled(key, reviews);
  return db.transaction('rw', [db.pulledBlocks, db.meta], async () => {
    const state = await loadPulled(db);
    if (state.blocks[key]) return none;
    await db.pulledBlocks.put(block);
    state.blocks[key] = { count: block.count, done: 0 };
    await savePulled(db, state);
    return { added: block.count, removed: 0, cardIds: [] };
  });
}

/**
 * Cards replayed from their rows in `logs` while blocks still wait to be written there (a merge of
 * card data, a deck from another device): their histories lacked the blocks' reviews, so they are
 * replayed again from all their reviews once the blocks are written (settlePulled).
 */
export async function replayAgainLater(db: AppDb, cardIds: readonly string[]): Promise<void> {
  if (cardIds.length === 0) return;
  await db.transaction('rw', db.meta, async () => {
    if (Object.keys((await loadPulled(db)).blocks).length === 0) return;
    const waiting = new Set([...(await pendingReplay(db)), ...cardIds]);
    await db.meta.put({ key: PULL_REPLAY_META, value: [...waiting] });
  });
}
