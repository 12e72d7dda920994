/**
 * Every key the derived data and the app's bookkeeping use, defined here once. registry.ts says
 * which derived table each belongs to.
 */

/** UTC months since year 0 (`year * 12 + month`): the month of a log block. */
export const monthOf = (epochMs: number): number => {
  const d = new Date(epochMs);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

// Bookkeeping, in the `meta` table (schema v11; before, in `settings`): never backed up or restored.

/** The rollover hour the day rollups were built with (rebuilt when the setting changes). */
export const ROLLOVER_META = 'rollupRollover';
/** Each role's stored snapshot's version: the change sequence number it covers. */
export const SNAPSHOTS_META = 'snapshots';
/** The log blocks' format, the change sequence number they cover, and the deck-months still to build. */
export const LOG_BLOCKS_META = 'logBlocks';
/** Changes on every note write: what the search index checks to know its notes are current. */
export const NOTES_STAMP = 'notesStamp';
/** Readers of the change sequence outside this database (sync), with the number each has covered. */
export const CONSUMERS_META = 'changeConsumers';
/** The change log's highest number pruned: the next pruning starts above it. */
export const PRUNED_META = 'changeLogPruned';
/**
 * Cards waiting for a replay from all their reviews: those an earlier app's pull stored as rows
 * (schema v11), and those a day's pull, a merge or an undo replayed while a large pull's blocks
 * were not all written into `logs` (sync/settlePulled.ts replays them).
 */
export const PULL_REPLAY_META = 'pullReplay';
/**
 * The review batches a pull stored as blocks (table `pulledBlocks`, sync/pulledState.ts): each
 * one's size, how much of it is written into `logs`, whether it counts in the day rollups and its
 * cards are replayed; and the reviews undone elsewhere that a block may hold.
 */
export const PULLED_META = 'pulledBlocks';
