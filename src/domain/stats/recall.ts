import { default_w, forgetting_curve } from 'ts-fsrs';
import { CardState, type SchedState } from '../scheduling/types';
import { DAY_MS } from '../time/reviewDay';

/** FSRS-6's default decay (w[20]); the forgetting curve's shape. */
export const DEFAULT_DECAY = default_w[20] ?? 0.1542;

/** Predicted probability of recall at `at`; a card never studied counts as not recalled (0). */
export function recallAt(s: SchedState, at: number, decay = DEFAULT_DECAY): number {
  if (s.state === CardState.New || s.lastReview === null || s.stability <= 0) return 0;
  return forgetting_curve(decay, Math.max(0, (at - s.lastReview) / DAY_MS), s.stability);
}

export const isStudied = (s: SchedState) => s.state !== CardState.New && s.lastReview !== null;

/** Cards that count towards a role: retired cards are history, not part of the role any more. */
export const inRole = (s: SchedState) => s.hidden !== 'retired';
