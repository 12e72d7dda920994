import {
  fsrs,
  generatorParameters,
  type State as FsrsState,
  type Card as FsrsCard,
  type FSRS,
  type Grade,
  type StepUnit,
} from 'ts-fsrs';
import { CardState, ratings, type Rating, type ReviewLog, type SchedState } from './types';

export { newState } from './newState';

export interface SchedulerOptions {
  desiredRetention: number;
  learningSteps: StepUnit[];
  relearningSteps: StepUnit[];
  fuzz: boolean;
  maximumInterval: number;
}

export interface Answered {
  next: SchedState;
  log: ReviewLog;
}

const toFsrs = (s: SchedState, now: number): FsrsCard => ({
  // A new card's `due` is its deck position, not a time: it is due now.
  due: new Date(s.state === CardState.New ? now : s.due),
  stability: s.stability,
  difficulty: s.difficulty,
  elapsed_days: 0,
  scheduled_days: s.scheduledDays,
  learning_steps: s.learningSteps,
  reps: s.reps,
  lapses: s.lapses,
  state: s.state as unknown as FsrsState,
  last_review: s.lastReview === null ? undefined : new Date(s.lastReview),
});

const fromFsrs = (c: FsrsCard, base: SchedState): SchedState => ({
  ...base,
  state: c.state as unknown as CardState,
  due: c.due.getTime(),
  stability: c.stability,
  difficulty: c.difficulty,
  scheduledDays: c.scheduled_days,
  learningSteps: c.learning_steps,
  reps: c.reps,
  lapses: c.lapses,
  lastReview: c.last_review ? c.last_review.getTime() : null,
});

/**
 * The pure state transition of a review (FSRS-6 default weights, via ts-fsrs).
 * Applying it — writing state and log together — is the storage layer's job.
 */
export class Scheduler {
  private readonly f: FSRS;

  constructor(options: SchedulerOptions) {
    this.f = fsrs(
      generatorParameters({
        request_retention: options.desiredRetention,
        learning_steps: options.learningSteps,
        relearning_steps: options.relearningSteps,
        enable_fuzz: options.fuzz,
        maximum_interval: options.maximumInterval,
        enable_short_term: true,
      }),
    );
  }

  answer(state: SchedState, rating: Rating, now: number, durationMs: number, logId: string): Answered {
    const { card, log } = this.f.next(toFsrs(state, now), new Date(now), rating as Grade);
    return {
      next: fromFsrs(card, state),
      log: {
        id: logId,
        cardId: state.cardId,
        deckId: state.deckId,
        rating,
        state: log.state as unknown as CardState,
        due: log.due.getTime(),
        stability: log.stability,
        difficulty: log.difficulty,
        elapsedDays: log.elapsed_days,
        lastElapsedDays: log.last_elapsed_days,
        scheduledDays: log.scheduled_days,
        learningSteps: log.learning_steps,
        review: now,
        durationMs: Math.max(0, Math.round(durationMs)),
      },
    };
  }

  /** When each rating would bring the card back, in ms from now. */
  preview(state: SchedState, now: number): Record<Rating, number> {
    const preview = this.f.repeat(toFsrs(state, now), new Date(now));
    const out = {} as Record<Rating, number>;
    for (const r of ratings) out[r] = preview[r as Grade].card.due.getTime() - now;
    return out;
  }

  /** Predicted probability of recall now; 0 for a card never studied. */
  retrievability(state: SchedState, now: number): number {
    if (state.state === CardState.New || state.lastReview === null) return 0;
    return this.f.get_retrievability(toFsrs(state, now), new Date(now), false);
  }
}
