import { describe, expect, it } from 'vitest';
import { resetProgress } from '../cards/cardState';
import { Scheduler, type SchedulerOptions } from '../scheduling/scheduler';
import { newState } from '../scheduling/newState';
import { CardState, type ReviewLog, type SchedState } from '../scheduling/types';
import { rescheduler } from './reschedule';
import { syntheticHistory } from './synthetic';

// Parameters fitted to a learner who forgets faster than FSRS's defaults assume.
const FITTED = [
  0.1, 0.5, 1.8, 6.0, 7.4, 0.6, 2.4, 0.05, 1.2, 0.15, 1.1, 1.6, 0.08, 0.4, 1.8, 0.3, 2.2, 0.5, 0.15, 0.1,
  0.35,
];
const options: SchedulerOptions = {
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  fuzz: true,
  maximumInterval: 36_500,
  w: FITTED,
};

const { logs, states } = syntheticHistory({
  seed: 3,
  cards: 40,
  days: 120,
  truth: FITTED,
  start: Date.UTC(2025, 0, 1),
});
const logsOf = (cardId: string) => logs.filter((l) => l.cardId === cardId);

/** What the app's own scheduler would have made of the same answers, with the new parameters. */
function replayed(state: SchedState, history: readonly ReviewLog[]): SchedState {
  const scheduler = new Scheduler(options);
  let s = newState(state.cardId, state.deckId, 0);
  for (const l of history) s = scheduler.answer(s, l.rating, l.review, 0, l.id).next;
  return s;
}

describe('rescheduling with new parameters', () => {
  const reschedule = rescheduler(options);

  it('gives each card the state the new parameters would have given it from its first review', () => {
    const studied = states.filter((s) => s.state !== CardState.New);
    expect(studied.length).toBeGreaterThan(30);
    let moved = 0;
    for (const state of studied) {
      const next = reschedule(state, logsOf(state.cardId));
      const expected = replayed(state, logsOf(state.cardId));
      if (next) moved++;
      expect(next ?? state).toMatchObject({
        state: expected.state,
        due: expected.due,
        stability: expected.stability,
        difficulty: expected.difficulty,
        reps: state.reps,
        lapses: state.lapses,
        lastReview: state.lastReview,
      });
    }
    // The defaults scheduled them; the fitted parameters move most of them.
    expect(moved).toBeGreaterThan(studied.length / 2);
  });

  it('replays only the reviews since a reset, and leaves alone a card whose history is not all here', () => {
    const state = states.find((s) => s.state === CardState.Review && s.reps >= 4)!;
    const history = logsOf(state.cardId);
    // Reset, then studied again with the same answers: the logs from before the reset stay.
    const scheduler = new Scheduler({ ...options, w: undefined });
    let again = resetProgress(state, 0, state.lastReview!);
    const later = history.map((l, k) => ({
      ...l,
      id: `${l.id}-again`,
      review: state.lastReview! + (k + 1) * 3_600_000,
    }));
    for (const l of later) again = scheduler.answer(again, l.rating, l.review, 0, l.id).next;
    expect(reschedule(again, [...history, ...later])).toMatchObject({ due: replayed(again, later).due });

    expect(reschedule(state, history.slice(1))).toBeNull();
    expect(reschedule(newState('synthetic.x', 'synthetic', 0), [])).toBeNull();
  });

  it('leaves a card where it is when the parameters are the ones that scheduled it', () => {
    const same = rescheduler({ ...options, w: undefined });
    const studied = states.filter((s) => s.state !== CardState.New);
    expect(studied.filter((s) => same(s, logsOf(s.cardId)) !== null)).toEqual([]);
  });
});
