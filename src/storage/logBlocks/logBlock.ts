import type { ReviewLog } from '../../domain/scheduling/types';

/**
 * One role's review logs of one UTC month, stored column by column: reading a block costs one
 * record instead of thousands. Derived from `logs` (which stays the record of truth); rebuilt when
 * `changes` says its month changed.
 */
export interface LogBlock {
  deckId: string;
  /** UTC months since year 0: `year * 12 + month` (changeTracking.monthOf). */
  month: number;
  count: number;
  ids: string[];
  cardIds: string[];
  rating: Uint8Array;
  state: Uint8Array;
  review: Float64Array;
  due: Float64Array;
  stability: Float64Array;
  difficulty: Float64Array;
  elapsedDays: Float64Array;
  lastElapsedDays: Float64Array;
  scheduledDays: Float64Array;
  learningSteps: Float64Array;
  durationMs: Float64Array;
  /** Key points ticked and their total, -1 where the review recorded none (schema v7; absent in older blocks). */
  keyPointsHit?: Int8Array;
  keyPointsTotal?: Int8Array;
}

/** Does not compile when ReviewLog gains a field log blocks would drop: add a column (packLogs.ts). */
type UnblockedLogField = Exclude<keyof ReviewLog, keyof LogBlock | 'id' | 'cardId'>;
export const BLOCKS_CARRY_EVERY_FIELD: [UnblockedLogField] extends [never] ? true : UnblockedLogField = true;
