/**
 * Every key and stamp the derived data and the app's bookkeeping use, defined here once.
 * registry.ts says which derived table each belongs to.
 */

// Rows of the `changes` table (changeTracking.ts), which mark what derived copies must re-read.

/** A deck's cards changed (`cardIds`), or the whole deck (no `cardIds`). */
export const cardsKey = (deckId: string): string => `cards:${deckId}`;
/** Cards changed whose deck is unknown (a clear): every snapshot is rebuilt. */
export const ALL_CARDS = 'card*';
/** A deck's reviews of one UTC month changed: its log block is rebuilt. */
export const logChangeKey = (deckId: string, month: number): string => `log:${deckId}:${month}`;
/** Reviews were cleared: no log block can be trusted. */
export const LOGS_CLEARED = 'log*';

/** UTC months since year 0 (`year * 12 + month`): the month of a log block and of its marks. */
export const monthOf = (epochMs: number): number => {
  const d = new Date(epochMs);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

// Bookkeeping in the `settings` table. `data.` keys (and the DERIVED_KEYS of the backup format)
// are the app's own: never backed up or restored.

/** The rollover hour the day rollups were built with (rebuilt when the setting changes). */
export const ROLLUP_ROLLOVER_KEY = 'daysRollover';
/** The version each role's stored snapshot was written at (new on every write, by any connection). */
export const SNAPSHOT_VERSIONS_KEY = 'data.snapshotVersions';
/** That every log block is current or marked, and with which block format. */
export const BLOCKS_META_KEY = 'data.logBlocks';
/** Changes on every note write: what the search index checks to know its notes are current. */
export const NOTES_STAMP = 'data.notesStamp';
