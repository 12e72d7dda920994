import type { CardNote } from '../cards/note';
import type { CardRecord, DeckRecord } from '../deck/records';
import type { MockInterview } from '../mock/mockInterview';
import type { ReviewLog, SchedState } from '../scheduling/types';
import { TextHash } from './checksum';

export const BACKUP_FORMAT = 'interview-recall-backup';
/** Bump when the file's shape changes; restore reads every version up to this one. */
export const BACKUP_VERSION = 6;
/** From this version a backup lists the mock interviews. */
export const MOCKS_VERSION = 4;
/** From this version a backup lists the card notes, and states may be buried, flagged or leeches. */
export const NOTES_VERSION = 5;
/** From this version states may say when their progress was reset (`resetAt`). */
export const RESETS_VERSION = 6;
/** From this version a backup ends with a checksum of everything before it. */
export const CHECKSUM_VERSION = 3;

/** Review logs are rows in this column order: a million of them is half the size as objects. */
export const LOG_COLUMNS = [
  'id',
  'cardId',
  'deckId',
  'rating',
  'state',
  'due',
  'stability',
  'difficulty',
  'elapsedDays',
  'lastElapsedDays',
  'scheduledDays',
  'learningSteps',
  'review',
  'durationMs',
] as const satisfies readonly (keyof ReviewLog)[];

/**
 * Columns a row carries after LOG_COLUMNS only when its review recorded them (the key points
 * ticked, schema v7): rows of reviews without them, and every row of an older backup, end before.
 */
export const LOG_OPTIONAL_COLUMNS = [
  'keyPointsHit',
  'keyPointsTotal',
] as const satisfies readonly (keyof ReviewLog)[];

/** Does not compile when ReviewLog gains a field that backup rows would drop: add it above. */
type UnwrittenLogField = Exclude<
  keyof ReviewLog,
  (typeof LOG_COLUMNS)[number] | (typeof LOG_OPTIONAL_COLUMNS)[number]
>;
export const LOG_ROWS_CARRY_EVERY_FIELD: [UnwrittenLogField] extends [never] ? true : UnwrittenLogField =
  true;

export type LogRow = [string, string, string, ...number[]];

export interface UserDeckData {
  deck: DeckRecord;
  cards: CardRecord[];
}

/**
 * Everything that is the user's: settings (every stored key but the app's own `data.*`
 * bookkeeping), the decks they imported, every card's scheduling state and every review.
 * Built-in decks are not included: the app ships them.
 */
export interface BackupData {
  createdAt: number;
  settings: Record<string, unknown>;
  decks: UserDeckData[];
  states: SchedState[];
  logs: ReviewLog[];
  /** Mock interviews (from version 4; absent in older files). */
  mocks?: MockInterview[];
  /** The user's notes on cards (from version 5; absent in older files). */
  notes?: CardNote[];
}

export interface BackupCounts {
  decks: number;
  cards: number;
  states: number;
  logs: number;
}

/** Settings keys holding derived state (rollup rollover, new-card hints): rebuilt, never backed up. */
const DERIVED_KEYS = new Set(['daysRollover', 'newFrom']);

/** Settings keys the app keeps for itself (backup dates, snapshots, derived state): never backed up or restored. */
export const isInternalKey = (key: string): boolean => key.startsWith('data.') || DERIVED_KEYS.has(key);

const hasKeyPoints = (log: ReviewLog) => log.keyPointsHit !== undefined && log.keyPointsTotal !== undefined;

export const logToRow = (log: ReviewLog): unknown[] => [
  ...LOG_COLUMNS.map((c) => log[c]),
  ...(hasKeyPoints(log) ? LOG_OPTIONAL_COLUMNS.map((c) => log[c]) : []),
];

export function rowToLog(row: readonly unknown[]): ReviewLog {
  const log: Record<string, unknown> = {};
  LOG_COLUMNS.forEach((c, i) => (log[c] = row[i]));
  if (row.length > LOG_COLUMNS.length)
    LOG_OPTIONAL_COLUMNS.forEach((c, i) => (log[c] = row[LOG_COLUMNS.length + i]));
  return log as unknown as ReviewLog;
}

const list = (items: readonly unknown[]): string =>
  items.length === 0 ? '[]' : `[\n  ${items.map((i) => JSON.stringify(i)).join(',\n  ')}\n ]`;

/**
 * The file up to the opening of `logs`, one record per line so it stays readable and diffable;
 * the log rows are streamed after it in chunks.
 */
export function backupHead(data: Omit<BackupData, 'logs'>, logCount: number): string {
  const counts: BackupCounts = {
    decks: data.decks.length,
    cards: data.decks.reduce((n, d) => n + d.cards.length, 0),
    states: data.states.length,
    logs: logCount,
  };
  return [
    '{',
    ` "format": ${JSON.stringify(BACKUP_FORMAT)},`,
    ` "version": ${BACKUP_VERSION},`,
    ` "createdAt": ${JSON.stringify(new Date(data.createdAt).toISOString())},`,
    ` "counts": ${JSON.stringify(counts)},`,
    ` "settings": ${JSON.stringify(data.settings)},`,
    ` "decks": ${list(data.decks)},`,
    ` "states": ${list(data.states)},`,
    ` "mocks": ${list(data.mocks ?? [])},`,
    ` "notes": ${list(data.notes ?? [])},`,
    ` "logColumns": ${JSON.stringify([...LOG_COLUMNS, ...LOG_OPTIONAL_COLUMNS])},`,
    ' "logs": [',
  ].join('\n');
}

/** A chunk of log rows, one per line; `first` says whether it opens the list. */
export const backupLogChunk = (logs: readonly ReviewLog[], first: boolean): string =>
  logs.length === 0
    ? ''
    : (first ? '\n  ' : ',\n  ') + logs.map((l) => JSON.stringify(logToRow(l))).join(',\n  ');

/** Closes the log list: the last text the checksum covers. */
export const BACKUP_LOGS_END = '\n ]';

/** What follows the checksummed text; a restore finds the checksum by it. */
export const checksumTrailer = (checksum: string): string => `,\n "checksum": ${JSON.stringify(checksum)}\n}`;

/** The end of the file: the checksum of everything written before it (see TextHash). */
export const backupTail = (checksum: string): string => `${checksumTrailer(checksum)}\n`;

/** The whole backup as one string: for tests and small data; the app streams it in chunks. */
export function backupToString(data: BackupData): string {
  const body = backupHead(data, data.logs.length) + backupLogChunk(data.logs, true) + BACKUP_LOGS_END;
  return body + backupTail(new TextHash().update(body).digest());
}
