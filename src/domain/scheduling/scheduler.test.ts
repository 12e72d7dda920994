import { describe, expect, it } from 'vitest';
import { ImplausibleClockError, newState, Scheduler } from './scheduler';
import { CardState, Rating } from './types';
import { testScheduler } from './testScheduler';
import { logIssue, stateIssue } from './valid';

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

  it('refuses to review with a clock before 2000 or from 2100 on, saying what the clock reads', () => {
    const card = scheduler.answer(newState('d.a', 'd', 0), Rating.Good, now, 0, '1').next;
    for (const clock of [
      0,
      Date.UTC(1999, 11, 31),
      Date.UTC(2100, 0, 1),
      Date.UTC(2250, 0, 1),
      8.64e15,
      NaN,
    ]) {
      expect(() => scheduler.answer(card, Rating.Good, clock, 0, '2')).toThrow(ImplausibleClockError);
    }
    expect(() => scheduler.answer(card, Rating.Good, 0, 0, '2')).toThrow(
      /clock reads 1970-01-01T00:00:00.000Z/,
    );
  });

  it('never writes a date it cannot restore, whatever steps it is given', () => {
    for (const step of ['99999999999d', '100000d'] as const) {
      const wild = new Scheduler({
        desiredRetention: 0.9,
        learningSteps: [step],
        relearningSteps: [step],
        fuzz: false,
        maximumInterval: 1e12,
      });
      let s = newState('d.a', 'd', 0);
      for (const rating of [Rating.Again, Rating.Good, Rating.Easy, Rating.Again, Rating.Hard]) {
        const { next, log } = wild.answer(s, rating, now, 0, 'x');
        expect([stateIssue(next), logIssue(log), Number.isFinite(next.due)]).toEqual([null, null, true]);
        s = next;
      }
      expect(Object.values(wild.preview(s, now)).every(Number.isFinite)).toBe(true);
    }
  });

  it('counts a clock set back before the last review as no time elapsed', () => {
    const later = scheduler.answer(newState('d.a', 'd', 0), Rating.Easy, now + 30 * DAY, 0, '1').next;
    const { next, log } = scheduler.answer(later, Rating.Good, now, 0, '2');
    expect(log.elapsedDays).toBe(0);
    expect([stateIssue(next), logIssue(log)]).toEqual([null, null]);
  });
});
