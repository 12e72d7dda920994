import { computeDecayFactor, default_w, forgetting_curve, roundTo } from 'ts-fsrs';
import { CardState, type SchedState } from '../scheduling/types';
import { DAY_MS } from '../time/reviewDay';

export { inRole, isStudied } from './studied';

/** FSRS-6's default decay (w[20]); the forgetting curve's shape. */
export const DEFAULT_DECAY = default_w[20] ?? 0.1542;

/** Predicted probability of recall at `at`; a card never studied counts as not recalled (0). */
export function recallAt(s: SchedState, at: number, decay = DEFAULT_DECAY): number {
  if (s.state === CardState.New || s.lastReview === null) return 0;
  return recallAfter(s.stability, at - s.lastReview, decay);
}

/** Predicted recall of a studied card with `stability`, `elapsedMs` after its last review. */
export const recallAfter = (stability: number, elapsedMs: number, decay = DEFAULT_DECAY): number =>
  stability <= 0 ? 0 : forgetting_curve(decay, Math.max(0, elapsedMs / DAY_MS), stability);

/**
 * `recallAfter` for a loop over every card: the same values (ts-fsrs's forgetting curve, rounded
 * as it rounds), with the curve's constants worked out once. forgetting_curve works them out on
 * each call (an exp, a pow, a log and an object): 3-6 times the time over 100,000 cards.
 */
export function recallCurve(decay = DEFAULT_DECAY): (stability: number, elapsedMs: number) => number {
  const { decay: power, factor } = computeDecayFactor(decay);
  return (stability, elapsedMs) =>
    stability <= 0
      ? 0
      : roundTo(Math.pow(1 + (factor * Math.max(0, elapsedMs / DAY_MS)) / stability, power), 8);
}
