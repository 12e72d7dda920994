import {
  fsrs,
  generatorParameters,
  type State as FsrsState,
  type Card as FsrsCard,
  type FSRS,
  type Grade,
  type StepUnit,
} from 'ts-fsrs';
import { BOUNDS, isStepList } from '../settings/bounds';
import { CardState, ratings, type Rating, type ReviewLog, type SchedState } from './types';
import { isPlausibleClock, logIssue, stateIssue } from './valid';

export { newState } from './newState';

export interface SchedulerOptions {
  desiredRetention: number;
  learningSteps: StepUnit[];
  relearningSteps: StepUnit[];
  fuzz: boolean;
  maximumInterval: number;
  /** FSRS-6 parameters fitted to the user's reviews; FSRS's defaults when absent. */
  w?: number[];
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
  // A clock set back since the last review would make the elapsed time negative: count it as 0.
  last_review: s.lastReview === null ? undefined : new Date(Math.min(s.lastReview, now)),
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

/** The device clock reads a time no review can have been made at; nothing is written. */
export class ImplausibleClockError extends Error {
  override name = 'ImplausibleClockError';
  constructor(readonly now: number) {
    const reads = Number.isFinite(now) && Math.abs(now) < 8.64e15 ? new Date(now).toISOString() : String(now);
    super(`the device clock reads ${reads}, which cannot be right: set the date and time, then rate again`);
  }
}

/** A review would store a value out of range (the scheduler's bug, not the user's); nothing is written. */
export class InvalidReviewError extends Error {
  override name = 'InvalidReviewError';
}

const clamp = (v: number, { min, max }: { min: number; max: number }, fallback: number) =>
  Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;

/** Options held to the settings' bounds, whatever the caller passes. */
const bounded = (o: SchedulerOptions): SchedulerOptions => ({
  desiredRetention: clamp(o.desiredRetention, BOUNDS.desiredRetention, 0.9),
  learningSteps: isStepList(o.learningSteps) ? o.learningSteps : ['1m', '10m'],
  relearningSteps: isStepList(o.relearningSteps) ? o.relearningSteps : ['10m'],
  fuzz: o.fuzz,
  maximumInterval: Math.round(clamp(o.maximumInterval, BOUNDS.maximumInterval, 36_500)),
  w: o.w?.length === 21 && o.w.every(Number.isFinite) ? o.w : undefined,
});

/**
 * The pure state transition of a review (FSRS-6 via ts-fsrs: the default weights or fitted ones).
 * Applying it — writing state and log together — is the storage layer's job.
 */
export class Scheduler {
  private readonly f: FSRS;

  constructor(given: SchedulerOptions) {
    const options = bounded(given);
    this.f = fsrs(
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
  }

  /**
   * The review of `state` at `now`. Refuses (throws) rather than return a state or log that the
   * app could not restore: a clock outside 2000–2099, or any value out of range.
   */
  answer(state: SchedState, rating: Rating, now: number, durationMs: number, logId: string): Answered {
    if (!isPlausibleClock(now)) throw new ImplausibleClockError(now);
    const { card, log } = this.f.next(toFsrs(state, now), new Date(now), rating as Grade);
    const answered: Answered = {
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
        durationMs: Math.min(86_400_000, Math.max(0, Math.round(durationMs) || 0)),
      },
    };
    const issue = stateIssue(answered.next) ?? logIssue(answered.log);
    if (issue)
      throw new InvalidReviewError(
        `the review would store ${issue.field} that ${issue.message}; nothing was saved`,
      );
    return answered;
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
