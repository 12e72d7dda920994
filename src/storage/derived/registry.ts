import {
  CONSUMERS_META,
  LOG_BLOCKS_META,
  NOTES_STAMP,
  PRUNED_META,
  PULLED_META,
  ROLLOVER_META,
  SNAPSHOTS_META,
} from './keys';

/**
 * Every table of the database is either a record (what the user did or chose, and the decks: what
 * backups hold and restore) or derived from records (rebuilt from them, never backed up). This is
 * the one list of what is derived, from what, how it is kept current, its format, and who may
 * clear it. registry.test.ts fails when a table is in neither list.
 */
export const RECORD_TABLES = ['decks', 'cards', 'states', 'logs', 'settings', 'mocks', 'notes'] as const;

export interface DerivedTable {
  table: string;
  builtFrom: string;
  keptCurrentBy: string;
  /** Where its format is defined and recorded; a stored format other than the code's is rebuilt. */
  format: string;
  /** Its bookkeeping (rows of `meta`, keys.ts). */
  bookkeeping: readonly string[];
  clearedBy: string;
}

export const DERIVED: readonly DerivedTable[] = [
  {
    table: 'days',
    builtFrom: 'logs (one row per role and review day, at the rollover hour)',
    keptCurrentBy:
      'the writer: recordReview/undoReview and sync update the day in their transaction (dayRollups.updateRollup); restore and replaceDeck rebuild all (buildRollups), as does a new rollover hour. Kept by the writer because the history statistics read it on every opening, and a review is one get and one put on it',
    format:
      'DayRollup (domain/stats/dayRollup.ts); none recorded: a change needs a schema upgrade that rebuilds',
    bookkeeping: [ROLLOVER_META],
    clearedBy: 'buildRollups only (and deleteDeckRows for the deleted deck)',
  },
  {
    table: 'snapshots',
    builtFrom: "states and the cards' topics (one row of typed-array columns per role)",
    keptCurrentBy:
      'catching up from the change sequence: each role records the number it covers (SNAPSHOTS_META); loadSnapshots patches the cards changed since (or rebuilds a role changed wholesale) when read (statistics, search, idle upkeep) and writes them with the new number',
    format: 'SNAPSHOT_FORMAT (snapshots/stateSnapshot.ts), stored in each row',
    bookkeeping: [SNAPSHOTS_META],
    clearedBy: 'nobody needs to: a role changed wholesale is rebuilt and overwritten; the v11 upgrade',
  },
  {
    table: 'logBlocks',
    builtFrom: 'logs (one block of columns per role and UTC month), for export and the optimizer',
    keptCurrentBy:
      'catching up from the change sequence: LOG_BLOCKS_META records the number the blocks cover and the deck-months still to build; refreshLogBlocks takes the months changed since into that list and rebuilds them, when idle or before a long read; readers treat the listed and the changed months as not current',
    format: 'BLOCKS_VERSION (logBlocks/logMonths.ts), recorded in LOG_BLOCKS_META',
    bookkeeping: [LOG_BLOCKS_META],
    clearedBy: 'refreshLogBlocks only: a block left without reviews is deleted',
  },
  {
    table: 'floors',
    builtFrom: 'states: the lowest due (or position) of each queue per role, so queue reads start there',
    keptCurrentBy:
      'the floorTracking middleware lowers a floor in the write that puts a card below it; queue reads raise it. Kept in the write because the daily queue reads it on every start',
    format: 'FloorRow (queueFloors.ts); a missing floor means "from the start"',
    bookkeeping: [],
    clearedBy: 'nobody needs to: a floor too low is only slower, never wrong',
  },
  {
    table: 'changeLog',
    builtFrom: 'every transaction writing states, logs, notes or cards (changeSequence.ts)',
    keptCurrentBy: 'the changeSequence middleware; bulk operations call declareBulk',
    format: 'ChangeLogRow (changeSequence.ts)',
    bookkeeping: [CONSUMERS_META, PRUNED_META],
    clearedBy:
      'pruneChangeLog (changeLogPruning.ts), at idle, in small slices: only rows every consumer (snapshots, log blocks, and those in CONSUMERS_META) has covered, never the last',
  },
  {
    table: 'pulledBlocks',
    builtFrom:
      'review batches a large pull received, one record of columns each (sync/pulledBlock.ts): reviews on their way into `logs`, not a copy of them; each review is in a block or in `logs`, never both',
    keptCurrentBy:
      'storePulled adds a block per batch; settlePulled counts their reviews in the day rollups and replays their cards at the end of the pull; expandPulled writes their rows into `logs` in the background (the sync worker after a pull and at start, or a reader of every review first: backup, restore, export, optimizer, reschedule, reset, deck import and deletion, a rollup rebuild), deleting each block in the transaction that writes its last rows. The card page reads the waiting blocks too',
    format: "PulledBlock (sync/pulledBlock.ts); PULLED_META records each block's progress",
    bookkeeping: [PULLED_META],
    clearedBy: 'expandPulled only, a block at a time, once its rows are in `logs`',
  },
  {
    table: 'meta',
    builtFrom: "the app's own bookkeeping: the keys in keys.ts",
    keptCurrentBy: 'their owners (above)',
    format: 'MetaRow',
    bookkeeping: [],
    clearedBy: 'nobody',
  },
];

/**
 * Derived data kept outside this database, listed for completeness: the card search index (a
 * worker, rebuilt per deck when its hash changes and for notes when NOTES_STAMP moves: the change
 * sequence sets it to the number of every transaction that writes notes).
 */
export const DERIVED_ELSEWHERE = [{ what: 'card search index', bookkeeping: [NOTES_STAMP] }] as const;
