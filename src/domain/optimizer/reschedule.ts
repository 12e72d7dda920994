import { createEmptyCard, fsrs, generatorParameters, type FSRSHistory, type Grade } from 'ts-fsrs';
import type { SchedulerOptions } from '../scheduling/scheduler';
import { CardState, type ReviewLog, type SchedState } from '../scheduling/types';
import { stateIssue } from '../scheduling/valid';

/**
 * Rescheduling with new parameters: each card's reviews replayed (ts-fsrs `reschedule`) as if the
 * new parameters had scheduled them from the start, so its memory state and due date are the ones
 * they give. Returns the card's new state, or null to leave it as it is: a card not studied, one
 * whose history is incomplete here, or one the new parameters leave where it was.
 */
export function rescheduler(
  options: SchedulerOptions,
): (state: SchedState, logs: readonly ReviewLog[]) => SchedState | null {
  const f = fsrs(
    generatorParameters({
      request_retention: options.desiredRetention,
      learning_steps: options.learningSteps,
      relearning_steps: options.relearningSteps,
      enable_fuzz: options.fuzz,
      maximum_interval: options.maximumInterval,
      enable_short_term: true,
      w: options.w,
    }),
  );
  return (state, logs) => {
    if (state.state === CardState.New || state.lastReview === null || state.reps === 0) return null;
    // A reset makes a card new again and keeps its logs: only the last `reps` reviews are its own.
    const sorted = [...logs].sort((a, b) => a.review - b.review);
    if (sorted.length < state.reps) return null;
    const own = sorted.slice(sorted.length - state.reps);
    if (own.at(-1)!.review !== state.lastReview) return null;
    const reviews: FSRSHistory[] = own.map((l) => ({
      rating: l.rating as Grade,
      review: new Date(l.review),
    }));
    const first = createEmptyCard(new Date(own[0]!.review));
    const { collections } = f.reschedule(first, reviews, { skipManual: true, first_card: first });
    const card = collections.at(-1)!.card;
    const next: SchedState = {
      ...state,
      state: card.state as unknown as CardState,
      due: card.due.getTime(),
      stability: card.stability,
      difficulty: card.difficulty,
      scheduledDays: card.scheduled_days,
      learningSteps: card.learning_steps,
    };
    const same =
      next.due === state.due &&
      next.state === state.state &&
      next.stability === state.stability &&
      next.difficulty === state.difficulty;
    return same || stateIssue(next) ? null : next;
  };
}
