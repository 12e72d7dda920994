import { CardState, type Hidden } from '../scheduling/types';

/**
 * Every card state of one role, column by column, with each card's topic: the layout of the
 * stored statistics snapshots, which statistics read without making an object per card.
 */
export interface StateColumns {
  deckId: string;
  topicNames: string[];
  /** Index into topicNames, per card; -1: no card record. */
  topic: Int32Array;
  state: Uint8Array;
  /** An index into HIDDEN. */
  hidden: Uint8Array;
  due: Float64Array;
  stability: Float64Array;
  difficulty: Float64Array;
  scheduledDays: Float64Array;
  learningSteps: Float64Array;
  reps: Float64Array;
  lapses: Float64Array;
  /** NaN: never reviewed. */
  lastReview: Float64Array;
  /** The flag (0–7) in the low 3 bits, LEECH: a leech. Absent in snapshots written before schema v9. */
  marks?: Uint8Array;
  /** NaN: not buried. Absent before schema v9. */
  buriedUntil?: Float64Array;
}

export const HIDDEN: readonly Hidden[] = [null, 'suspended', 'retired', 'buried'];
export const SHOWN = 0;
export const SUSPENDED = 1;
export const RETIRED = 2;
export const BURIED = 3;
export const FLAG_BITS = 7;
export const LEECH = 8;

/** As `isStudied` for the card at `i`. */
export const studiedAt = (c: StateColumns, i: number) =>
  c.state[i] !== CardState.New && !Number.isNaN(c.lastReview[i]!);

export const isLeechAt = (c: StateColumns, i: number) => ((c.marks?.[i] ?? 0) & LEECH) !== 0;
