import Dexie, { type EntityTable } from 'dexie';
import type { CardNote } from '../domain/cards/note';
import type { CardRecord, DeckRecord } from '../domain/deck/records';
import type { MockInterview } from '../domain/mock/mockInterview';
import type { ReviewLog, SchedState } from '../domain/scheduling/types';
import type { DayRollup } from '../domain/stats/dayRollup';
import { CHANGE_LOG_SCHEMA, changeSequence, type ChangeLogRow, type MetaRow } from './changeSequence';
import { changeTracking, type ChangeRow } from './changeTracking';
import { buildRollups } from './dayRollups';
import { floorTracking } from './floorTracking';
import type { LogBlock } from './logBlocks/logBlock';
import { floorsFromHints, type FloorRow } from './queueFloors';
import type { StateSnapshot } from './snapshots/stateSnapshot';

/**
 * `queue` is derived from state and hidden (Anki's type vs queue): -1 suspended, -2 retired,
 * -3 buried, otherwise the FSRS state. It exists so one compound index answers "due cards of a role".
 */
export interface StateRow extends SchedState {
  queue: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'interview-recall';

export type AppDb = Dexie & {
  decks: EntityTable<DeckRecord, 'id'>;
  cards: EntityTable<CardRecord, 'id'>;
  states: EntityTable<StateRow, 'cardId'>;
  logs: EntityTable<ReviewLog, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  days: Dexie.Table<DayRollup, [string, number]>;
  changes: EntityTable<ChangeRow, 'key'>;
  snapshots: EntityTable<StateSnapshot, 'deckId'>;
  logBlocks: Dexie.Table<LogBlock, [string, number]>;
  floors: EntityTable<FloorRow, 'deckId'>;
  mocks: EntityTable<MockInterview, 'id'>;
  notes: EntityTable<CardNote, 'cardId'>;
  changeLog: EntityTable<ChangeLogRow, 'usn'>;
  meta: EntityTable<MetaRow, 'key'>;
};

/** Every version of the schema, oldest first. A change adds a version (with its upgrade), never edits one. */
export function defineSchema(db: Dexie): void {
  db.version(1).stores({
    decks: 'id',
    cards: 'id, deckId',
    states: 'cardId, deckId, [deckId+queue+due], due',
    logs: 'id, cardId, review, [deckId+review]',
    settings: 'key',
  });
  // v2: per-role day rollups of the review logs, so statistics need not read every log.
  db.version(2)
    .stores({ days: '[deckId+day]' })
    .upgrade((tx) => buildRollups(tx.table('logs'), tx.table('days'), tx.table('settings')));
  // v3: cards by topic, so statistics map cards to topics from the index, never loading card content.
  db.version(3).stores({ cards: 'id, deckId, [deckId+topic]' });
  // v4: derived data kept beside the records, and what changed since it was built (changeTracking.ts):
  // per-role state snapshots for statistics, and the review logs in blocks per role and month for export.
  db.version(4).stores({
    changes: 'key, [kind+deckId]',
    snapshots: 'deckId',
    logBlocks: '[deckId+month]',
  });
  // v5: card marks become one row per deck (changeTracking.ts says why); v4's per-card rows and
  // the snapshots they would have patched are dropped, and the snapshots rebuilt when next read.
  db.version(5)
    .stores({})
    .upgrade(async (tx) => {
      await tx
        .table('changes')
        .where('[kind+deckId]')
        .between(['card', Dexie.minKey], ['card', Dexie.maxKey])
        .delete();
      await tx.table('snapshots').clear();
    });
  // v6: queue floors (queueFloors.ts) for every queue, kept by a middleware; v5's new-card hints
  // (the New floors, kept by hand) become their first rows.
  db.version(6)
    .stores({ floors: 'deckId' })
    .upgrade(async (tx) => {
      const hints = await tx.table('settings').get('newFrom');
      await tx.table('floors').bulkPut(floorsFromHints(hints?.value));
      await tx.table('settings').delete('newFrom');
    });
  // v7: a review log may record the key points ticked (`keyPointsHit`, `keyPointsTotal`), and log
  // blocks gain those two columns. Nothing is rewritten: older logs and blocks simply lack them.
  // The version exists so that an older app refuses this database instead of writing logs (and
  // backups) that drop the new fields.
  db.version(7).stores({});
  // v8: mock interviews (src/domain/mock), one row each, listed by when they started.
  db.version(8).stores({ mocks: 'id, startedAt' });
  // v9: the user's notes, one per card, in a table of their own so deck sync never touches them.
  // States may now be buried (queue -3, `buriedUntil`), flagged (`flag`) and marked a leech
  // (`leech`): nothing is rewritten, older states simply lack them; the version makes an older
  // app refuse this database rather than write states that drop them.
  db.version(9).stores({ notes: 'cardId, deckId' });
  // v10: the change sequence (changeSequence.ts): what each transaction changed in states, logs,
  // notes and cards, under its number; and `meta`, the home of the app's own bookkeeping. Nothing
  // is rewritten: rows from before have no entries, which readers covering nothing yet read whole.
  db.version(10).stores({ changeLog: CHANGE_LOG_SCHEMA, meta: 'key' });
}

export function openDb(name = DB_NAME): AppDb {
  // No liveQuery anywhere: its change tracking and result cache would cost every write 3–4 ms.
  const db = new Dexie(name, { cache: 'disabled' }) as AppDb;
  db.unuse({ stack: 'dbcore', name: 'Observability' });
  db.use(changeTracking);
  db.use(floorTracking);
  db.use(changeSequence);
  defineSchema(db);
  return db;
}

export const BURIED_QUEUE = -3;

export function queueOf(s: SchedState): number {
  if (s.hidden === 'suspended') return -1;
  if (s.hidden === 'retired') return -2;
  if (s.hidden === 'buried') return BURIED_QUEUE;
  return s.state;
}

export const toRow = (s: SchedState): StateRow => ({ ...s, queue: queueOf(s) });

export function fromRow(row: StateRow): SchedState {
  const { queue: _queue, ...state } = row;
  return state;
}
