import type Dexie from 'dexie';
import type { EntityTable } from 'dexie';
import type { CardNote } from '../../domain/cards/note';
import type { CardRecord, DeckRecord } from '../../domain/deck/records';
import type { MockInterview } from '../../domain/mock/mockInterview';
import type { ReviewLog, SchedState } from '../../domain/scheduling/types';
import type { DayRollup } from '../../domain/stats/dayRollup';
import type { LogBlock } from '../logBlocks/logBlock';
import type { PulledBlock } from '../sync/pulledBlock';
import type { StateSnapshot } from '../snapshots/stateSnapshot';

/**
 * The rows of every table and the conversions between them and the domain's types: the schema's
 * shapes, apart from its versions (versions.ts) and the opening of the database (../db.ts).
 */

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

/** A role's queue floors (queueFloors.ts). */
export interface FloorRow {
  deckId: string;
  /** By queue (`CardState`): the lowest due any card in it may have; `Infinity`: empty. */
  floors: Partial<Record<number, number>>;
}

// The change sequence's rows (changeSequence.ts).
export type SequencedTable = 'states' | 'logs' | 'notes' | 'cards';

export interface ChangeEntry {
  table: SequencedTable;
  /** The changed row's primary key (a card id for states, notes and cards; a log id for logs). */
  key: string;
  /** The number of the transaction that last changed it. */
  usn: number;
  deckId: string;
  /** Logs: when the review was (its month's log block changed). */
  review?: number;
  /** The row was deleted. */
  deleted?: true;
}

/** What one transaction changed. */
export interface ChangeLogRow {
  usn: number;
  changes: Omit<ChangeEntry, 'usn'>[];
  /** Scopes changed wholesale, whose rows are not listed: deck ids, or `*` for every deck. */
  bulk?: string[];
  /** The transaction wrote reviews a pull brought (sync/expandPulled.ts): the push never offers them. */
  pulled?: true;
  /** Those reviews' decks and UTC months (derived/keys.ts monthOf), instead of an entry each. */
  pulledMonths?: [deckId: string, month: number][];
}

/** The app's own bookkeeping, one row per name (meta table). */
export interface MetaRow {
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
  snapshots: EntityTable<StateSnapshot, 'deckId'>;
  logBlocks: Dexie.Table<LogBlock, [string, number]>;
  floors: EntityTable<FloorRow, 'deckId'>;
  mocks: EntityTable<MockInterview, 'id'>;
  notes: EntityTable<CardNote, 'cardId'>;
  changeLog: EntityTable<ChangeLogRow, 'usn'>;
  meta: EntityTable<MetaRow, 'key'>;
  pulledBlocks: EntityTable<PulledBlock, 'key'>;
};

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
