import { BLOCKS_META_KEY, NOTES_STAMP, ROLLUP_ROLLOVER_KEY, SNAPSHOT_VERSIONS_KEY } from './keys';

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
  /** Its bookkeeping (settings keys, keys.ts). */
  bookkeeping: readonly string[];
  clearedBy: string;
}

export const DERIVED: readonly DerivedTable[] = [
  {
    table: 'days',
    builtFrom: 'logs (one row per role and review day, at the rollover hour)',
    keptCurrentBy:
      'the writer: recordReview/undoReview update the day in their transaction (dayRollups.updateRollup); restore and replaceDeck rebuild all (buildRollups), as does a new rollover hour. Kept by the writer because the history statistics read it on every opening and one row per review is the cheapest way',
    format:
      'DayRollup (domain/stats/dayRollup.ts); none recorded: a change needs a schema upgrade that rebuilds',
    bookkeeping: [ROLLUP_ROLLOVER_KEY],
    clearedBy: 'buildRollups only (and deleteDeckRows for the deleted deck)',
  },
  {
    table: 'snapshots',
    builtFrom: "states and the cards' topics (one row of typed-array columns per role)",
    keptCurrentBy:
      'changeTracking marks the changed cards per deck in `changes`; loadSnapshots patches and rewrites them when read (statistics, search, idle upkeep)',
    format: 'SNAPSHOT_FORMAT (snapshots/stateSnapshot.ts), stored in each row',
    bookkeeping: [SNAPSHOT_VERSIONS_KEY],
    clearedBy: 'loadSnapshots.persist after a clear of every card (`card*`); the v5 upgrade',
  },
  {
    table: 'logBlocks',
    builtFrom: 'logs (one block of columns per role and UTC month), for export and the optimizer',
    keptCurrentBy:
      'changeTracking marks the changed months in `changes`; refreshLogBlocks rebuilds them when read or when idle',
    format: 'BLOCKS_VERSION (logBlocks/logMonths.ts), recorded under BLOCKS_META_KEY',
    bookkeeping: [BLOCKS_META_KEY],
    clearedBy:
      'refreshLogBlocks only: after `log*` (reviews cleared) or a format change it marks every month and rebuilds each; a block left without reviews is deleted',
  },
  {
    table: 'changes',
    builtFrom:
      'writes to states, cards and logs (changeTracking.ts): what snapshots and log blocks must re-read',
    keptCurrentBy:
      'the changeTracking middleware, in every write transaction; deleted by the reader that applied them',
    format: 'ChangeRow and the keys in keys.ts',
    bookkeeping: [],
    clearedBy: 'their readers (compare-and-delete by stamp)',
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
    bookkeeping: [],
    clearedBy: 'nobody yet (pruning must go in small slices: see the probe in bench/probes)',
  },
  {
    table: 'meta',
    builtFrom: "the app's own bookkeeping (reserved: the settings keys above are still in `settings`)",
    keptCurrentBy: 'its owners',
    format: 'MetaRow',
    bookkeeping: [],
    clearedBy: 'its owners',
  },
];

/**
 * Derived data kept outside this database, listed for completeness: the card search index (a
 * worker, rebuilt per deck when its hash changes and for notes when NOTES_STAMP moves).
 */
export const DERIVED_ELSEWHERE = [{ what: 'card search index', bookkeeping: [NOTES_STAMP] }] as const;
