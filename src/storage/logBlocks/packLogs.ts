import { LOG_COLUMNS, LOG_OPTIONAL_COLUMNS } from '../../domain/backup/format';
import type { ReviewLog } from '../../domain/scheduling/types';
import type { LogBlock } from './logBlock';

/** A review log's fields, in the order the scheduler (and a restore) creates them: the backup's columns. */
export { LOG_COLUMNS as LOG_FIELDS };

/** The numeric fields of a review log: a Float64Array column each, in a block of any kind. */
export const NUMBER_FIELDS = [
  'due',
  'stability',
  'difficulty',
  'elapsedDays',
  'lastElapsedDays',
  'scheduledDays',
  'learningSteps',
  'review',
  'durationMs',
] as const;

const isByte = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 255;
const isSmall = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 127;
const WITH_KEY_POINTS = [...LOG_COLUMNS, ...LOG_OPTIONAL_COLUMNS];

/**
 * Whether a block gives this log back exactly: the same fields in the same order (the JSON export
 * writes them in that order), every number a number, rating and state a byte.
 */
export function fitsBlock(log: ReviewLog, deckId: string): boolean {
  const keys = Object.keys(log);
  const columns = keys.length === LOG_COLUMNS.length ? LOG_COLUMNS : WITH_KEY_POINTS;
  if (keys.length !== columns.length || keys.some((k, i) => k !== columns[i])) return false;
  if (columns === WITH_KEY_POINTS && !(isSmall(log.keyPointsHit) && isSmall(log.keyPointsTotal)))
    return false;
  if (typeof log.id !== 'string' || typeof log.cardId !== 'string' || log.deckId !== deckId) return false;
  if (!isByte(log.rating) || !isByte(log.state)) return false;
  return NUMBER_FIELDS.every((f) => typeof log[f] === 'number');
}

/**
 * One deck's logs of one month as a block, in the order given. Null when a log would not come back
 * exactly (see fitsBlock): that month is then read from `logs` instead.
 */
export function packLogs(deckId: string, month: number, logs: readonly ReviewLog[]): LogBlock | null {
  const n = logs.length;
  const block: LogBlock = {
    deckId,
    month,
    count: n,
    ids: new Array<string>(n),
    cardIds: new Array<string>(n),
    rating: new Uint8Array(n),
    state: new Uint8Array(n),
    review: new Float64Array(n),
    due: new Float64Array(n),
    stability: new Float64Array(n),
    difficulty: new Float64Array(n),
    elapsedDays: new Float64Array(n),
    lastElapsedDays: new Float64Array(n),
    scheduledDays: new Float64Array(n),
    learningSteps: new Float64Array(n),
    durationMs: new Float64Array(n),
    keyPointsHit: new Int8Array(n).fill(-1),
    keyPointsTotal: new Int8Array(n).fill(-1),
  };
  for (let i = 0; i < n; i++) {
    const l = logs[i]!;
    if (!fitsBlock(l, deckId)) return null;
    block.ids[i] = l.id;
    block.cardIds[i] = l.cardId;
    block.rating[i] = l.rating;
    block.state[i] = l.state;
    for (const f of NUMBER_FIELDS) block[f][i] = l[f];
    if (l.keyPointsTotal !== undefined) {
      block.keyPointsHit![i] = l.keyPointsHit!;
      block.keyPointsTotal![i] = l.keyPointsTotal;
    }
  }
  return block;
}

/** Review logs stored as columns: a deck's month (LogBlock) or a pulled batch (sync/pulledBlock.ts). */
export type LogColumns = Pick<
  LogBlock,
  'ids' | 'cardIds' | 'rating' | 'state' | (typeof NUMBER_FIELDS)[number]
> & {
  /** Key points ticked and their total, -1 where the review recorded none (absent in older blocks). */
  keyPointsHit?: ArrayLike<number>;
  keyPointsTotal?: ArrayLike<number>;
};

/** The i-th log of columns, its fields in the order the scheduler (and a restore) creates them. */
export function columnsLog(b: LogColumns, i: number, deckId: string): ReviewLog {
  const log: ReviewLog = {
    id: b.ids[i]!,
    cardId: b.cardIds[i]!,
    deckId,
    rating: b.rating[i] as ReviewLog['rating'],
    state: b.state[i] as ReviewLog['state'],
    due: b.due[i]!,
    stability: b.stability[i]!,
    difficulty: b.difficulty[i]!,
    elapsedDays: b.elapsedDays[i]!,
    lastElapsedDays: b.lastElapsedDays[i]!,
    scheduledDays: b.scheduledDays[i]!,
    learningSteps: b.learningSteps[i]!,
    review: b.review[i]!,
    durationMs: b.durationMs[i]!,
  };
  const total = b.keyPointsTotal?.[i] ?? -1;
  if (total >= 0) {
    log.keyPointsHit = b.keyPointsHit![i]!;
    log.keyPointsTotal = total;
  }
  return log;
}

/** The i-th log of a block, as it was stored in `logs`. */
export const blockLog = (b: LogBlock, i: number): ReviewLog => columnsLog(b, i, b.deckId);

export function unpackLogs(b: LogBlock): ReviewLog[] {
  return Array.from({ length: b.count }, (_, i) => blockLog(b, i));
}
