import { describe, expect, it } from 'vitest';
import { newState } from './scheduler';
import { CardState, Rating } from './types';
import { testScheduler } from './testScheduler';

const now = new Date(2026, 2, 1, 10).getTime();
const MIN = 60_000;
const DAY = 86_400_000;
const scheduler = testScheduler();

describe('Scheduler', () => {
  it('puts a new card answered Good into learning for the 10-minute step', () => {
    const { next, log } = scheduler.answer(newState('d.a', 'd', 5), Rating.Good, now, 4200, 'log-1');
    expect(next.state).toBe(CardState.Learning);
    expect(next.due).toBe(now + 10 * MIN);
    expect(next.reps).toBe(1);
    expect(log).toMatchObject({ id: 'log-1', cardId: 'd.a', deckId: 'd', rating: 3, state: 0, review: now });
    expect(log.durationMs).toBe(4200);
  });

  it('shows intervals that grow from Again to Easy', () => {
    const p = scheduler.preview(newState('d.a', 'd', 0), now);
    expect(p[Rating.Again]).toBe(1 * MIN);
    expect(p[Rating.Good]).toBe(10 * MIN);
    expect(p[Rating.Easy]).toBeGreaterThanOrEqual(DAY);
    expect(p[Rating.Again]).toBeLessThan(p[Rating.Hard]);
  });

  it('graduates to review and predicts recall near the desired retention when due', () => {
    let s = scheduler.answer(newState('d.a', 'd', 0), Rating.Good, now, 0, '1').next;
    s = scheduler.answer(s, Rating.Good, now + 10 * MIN, 0, '2').next;
    expect(s.state).toBe(CardState.Review);
    expect(s.due).toBeGreaterThan(now + DAY);
    expect(scheduler.retrievability(s, s.due)).toBeCloseTo(0.9, 1);
    expect(scheduler.retrievability(s, s.lastReview!)).toBeCloseTo(1, 5);
  });

  it('sends a lapsed review card to relearning and counts the lapse', () => {
    let s = scheduler.answer(newState('d.a', 'd', 0), Rating.Easy, now, 0, '1').next;
    s = scheduler.answer(s, Rating.Again, s.due, 0, '2').next;
    expect(s.state).toBe(CardState.Relearning);
    expect(s.lapses).toBe(1);
  });

  it('treats a never-studied card as not recalled', () => {
    expect(scheduler.retrievability(newState('d.a', 'd', 0), now)).toBe(0);
  });
});
