import { describe, expect, it } from 'vitest';
import { newState, Scheduler } from '../scheduling/scheduler';
import type { Rating, ReviewLog, SchedState } from '../scheduling/types';
import { replayCard, unseenReviews } from './replay';

const scheduler = new Scheduler({
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  fuzz: true,
  maximumInterval: 36_500,
});
const T0 = Date.UTC(2026, 0, 5, 9);
const HOUR = 3_600_000;

/** Reviews made one after another on one device, as the review screen makes them. */
function review(start: SchedState, steps: [rating: Rating, at: number, id: string][]) {
  let state = start;
  const logs: ReviewLog[] = [];
  for (const [rating, at, id] of steps) {
    const { next, log } = scheduler.answer(state, rating, at, 5000, id);
    state = next;
    logs.push(log);
  }
  return { state, logs };
}

describe('replaying a card from its merged reviews', () => {
  it('gives a card reviewed on one device exactly the state that device gave it', () => {
    const { state, logs } = review(newState('rag.a', 'rag', 3), [
      [3, T0, 'a1'],
      [1, T0 + 26 * HOUR, 'a2'],
      [3, T0 + 50 * HOUR, 'a3'],
      [4, T0 + 300 * HOUR, 'a4'],
    ]);
    expect(replayCard(state, [...logs].reverse(), scheduler)).toEqual(state);
  });

  it('counts only the reviews after the card’s progress reset, as the device that reset it did', () => {
    const before = review(newState('rag.a', 'rag', 3), [
      [3, T0, 'a1'],
      [4, T0 + 26 * HOUR, 'a2'],
    ]);
    const reset = { ...newState('rag.a', 'rag', 3), resetAt: T0 + 30 * HOUR };
    const after = review(reset, [[1, T0 + 40 * HOUR, 'a3']]);
    const all = [...after.logs, ...before.logs];
    expect(replayCard({ ...before.state, resetAt: T0 + 30 * HOUR }, all, scheduler)).toEqual(after.state);
    // Nothing since the reset: new again at the position given.
    expect(replayCard({ ...before.state, resetAt: T0 + 50 * HOUR }, all, scheduler, 3)).toEqual({
      ...reset,
      resetAt: T0 + 50 * HOUR,
    });
  });

  it('orders two devices’ reviews of one card by time, whichever arrived first', () => {
    const phone = review(newState('rag.a', 'rag', 3), [
      [3, T0, 'p1'],
      [3, T0 + 72 * HOUR, 'p2'],
    ]);
    const laptop = review(newState('rag.a', 'rag', 3), [[1, T0 + 30 * HOUR, 'l1']]);
    const all = [...phone.logs, ...laptop.logs];
    const expected = review(newState('rag.a', 'rag', 3), [
      [3, T0, 'x'],
      [1, T0 + 30 * HOUR, 'y'],
      [3, T0 + 72 * HOUR, 'z'],
    ]).state;
    const onPhone = replayCard(phone.state, all, scheduler);
    const onLaptop = replayCard(laptop.state, [...laptop.logs, ...phone.logs], scheduler);
    expect(onPhone).toEqual(onLaptop);
    expect(onPhone).toMatchObject({
      reps: 3,
      lapses: expected.lapses,
      due: expected.due,
      stability: expected.stability,
      lastReview: T0 + 72 * HOUR,
    });
  });

  it('keeps what is not a review: suspension, flag and leech mark', () => {
    const { state, logs } = review(newState('rag.a', 'rag', 3), [[3, T0, 'a1']]);
    const marked: SchedState = { ...state, hidden: 'suspended', flag: 2, leech: true };
    expect(replayCard(marked, logs, scheduler)).toMatchObject({ hidden: 'suspended', flag: 2, leech: true });
  });

  it('leaves a card without reviews as it is', () => {
    const fresh = newState('rag.a', 'rag', 7);
    expect(replayCard(fresh, [], scheduler)).toBe(fresh);
  });
});

describe('unseenReviews', () => {
  it('drops reviews already stored and duplicates within what arrived', () => {
    const { logs } = review(newState('rag.a', 'rag', 3), [
      [3, T0, 'a1'],
      [3, T0 + 30 * HOUR, 'a2'],
    ]);
    expect(unseenReviews([...logs, logs[1]!], new Set(['a1'])).map((l) => l.id)).toEqual(['a2']);
  });
});
