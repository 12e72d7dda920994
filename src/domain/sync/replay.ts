import { newState, type Scheduler } from '../scheduling/scheduler';
import type { ReviewLog, SchedState } from '../scheduling/types';

/** What a replay reads of a review: any ReviewLog is one. */
export type ReplayReview = Pick<ReviewLog, 'id' | 'rating' | 'review' | 'durationMs'>;

/** Reviews in the order they were made; two at the same millisecond in the order of their ids. */
export const inTimeOrder = (a: ReplayReview, b: ReplayReview): number =>
  a.review - b.review || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What a review changes in a card's state; the rest (suspension, burial, flag, leech…) is not from reviews. */
const FROM_REVIEWS = [
  'state',
  'due',
  'stability',
  'difficulty',
  'scheduledDays',
  'learningSteps',
  'reps',
  'lapses',
  'lastReview',
] as const satisfies readonly (keyof SchedState)[];

/** The reviews that count for a card's schedule: those after its last progress reset, if any. */
export const countingReviews = <T extends ReplayReview>(
  state: SchedState,
  logs: readonly T[],
): readonly T[] => (state.resetAt === undefined ? logs : logs.filter((l) => l.review > state.resetAt!));

/**
 * A card's state from all its reviews, from every device, replayed in time order from a new card
 * through the same scheduler a review goes through, so a card reviewed on one device only gets
 * the state that device gave it. Reviews up to the card's progress reset (`resetAt`) are left out.
 * Every other field (suspended, buried, flag, leech, reset, and any added later) stays as
 * `current` has it. With no reviews that count the card is left as it is, unless its position is
 * given (its last review was undone, or its progress reset): then it is new again at that position.
 */
export function replayCard(
  current: SchedState,
  all: readonly ReplayReview[],
  scheduler: Scheduler,
  position?: number,
): SchedState {
  const logs = countingReviews(current, all);
  if (logs.length === 0 && position === undefined) return current;
  let state = newState(current.cardId, current.deckId, position ?? 0);
  for (const log of [...logs].sort(inTimeOrder))
    state = scheduler.answer(state, log.rating, log.review, log.durationMs, log.id).next;
  const next: SchedState = { ...current };
  for (const field of FROM_REVIEWS) (next as unknown as Record<string, unknown>)[field] = state[field];
  return next;
}

/** The reviews in `incoming` not yet among `known` ids, each once. */
export function unseenReviews(incoming: readonly ReviewLog[], known: ReadonlySet<string>): ReviewLog[] {
  const seen = new Set(known);
  const fresh: ReviewLog[] = [];
  for (const log of incoming) {
    if (seen.has(log.id)) continue;
    seen.add(log.id);
    fresh.push(log);
  }
  return fresh;
}
