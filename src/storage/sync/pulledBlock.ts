import type { ReviewLog } from '../../domain/scheduling/types';
import { columnsLog, NUMBER_FIELDS } from '../logBlocks/packLogs';

/**
 * One review batch a pull received, as one record of columns (schema v12): storing a million
 * reviews a row each in `logs` costs minutes in Chromium (the rows and their four indexes), 5,000
 * to a record in columns a few seconds. Its rows are written into `logs` afterwards, in the
 * background (expandPulled.ts); until then readers that need every review read these too or wait.
 */
export interface PulledBlock {
  /** The batch document's id (`reviews:<device>:<seq>`): a page stored twice stores it once. */
  key: string;
  count: number;
  /** The decks of its reviews, and each review's index among them. */
  decks: string[];
  deck: Uint16Array;
  ids: string[];
  cardIds: string[];
  rating: Uint8Array;
  state: Uint8Array;
  due: Float64Array;
  stability: Float64Array;
  difficulty: Float64Array;
  elapsedDays: Float64Array;
  lastElapsedDays: Float64Array;
  scheduledDays: Float64Array;
  learningSteps: Float64Array;
  review: Float64Array;
  durationMs: Float64Array;
  /** Key points ticked and their total, -1 where the review recorded none. */
  keyPointsHit: Int16Array;
  keyPointsTotal: Int16Array;
}

/** Does not compile when ReviewLog gains a field a pulled block would drop: add a column. */
type UnstoredField = Exclude<keyof ReviewLog, keyof PulledBlock | 'id' | 'cardId' | 'deckId'>;
export const PULLED_BLOCKS_CARRY_EVERY_FIELD: [UnstoredField] extends [never] ? true : UnstoredField = true;

/** A batch's reviews as a block (validated reviews: readReviewBatch). */
export function packPulled(key: string, logs: readonly ReviewLog[]): PulledBlock {
  const n = logs.length;
  const decks: string[] = [];
  const deckIndex = new Map<string, number>();
  const block: PulledBlock = {
    key,
    count: n,
    decks,
    deck: new Uint16Array(n),
    ids: new Array<string>(n),
    cardIds: new Array<string>(n),
    rating: new Uint8Array(n),
    state: new Uint8Array(n),
    due: new Float64Array(n),
    stability: new Float64Array(n),
    difficulty: new Float64Array(n),
    elapsedDays: new Float64Array(n),
    lastElapsedDays: new Float64Array(n),
    scheduledDays: new Float64Array(n),
    learningSteps: new Float64Array(n),
    review: new Float64Array(n),
    durationMs: new Float64Array(n),
    keyPointsHit: new Int16Array(n).fill(-1),
    keyPointsTotal: new Int16Array(n).fill(-1),
  };
  for (let i = 0; i < n; i++) {
    const l = logs[i]!;
    let d = deckIndex.get(l.deckId);
    if (d === undefined) {
      d = decks.push(l.deckId) - 1;
      deckIndex.set(l.deckId, d);
    }
    block.deck[i] = d;
    block.ids[i] = l.id;
    block.cardIds[i] = l.cardId;
    block.rating[i] = l.rating;
    block.state[i] = l.state;
    for (const f of NUMBER_FIELDS) block[f][i] = l[f];
    if (l.keyPointsTotal !== undefined && l.keyPointsHit !== undefined) {
      block.keyPointsHit[i] = l.keyPointsHit;
      block.keyPointsTotal[i] = l.keyPointsTotal;
    }
  }
  return block;
}

/** The i-th review of a block, with its fields in the order a batch (and the scheduler) gives them. */
export const pulledLog = (b: PulledBlock, i: number): ReviewLog => columnsLog(b, i, b.decks[b.deck[i]!]!);
