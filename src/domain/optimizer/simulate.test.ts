import { describe, expect, it } from 'vitest';
import { newState } from '../scheduling/newState';
import { CardState, type SchedState } from '../scheduling/types';
import { retentionGuidance, simulateWorkload, type WorkloadOptions } from './simulate';

const DAY = 86_400_000;
const today = new Date(2026, 5, 10, 4).getTime();

/** 150 studied cards (stabilities 1–60 days, due over the next weeks) and 250 not started. */
function role(): SchedState[] {
  const studied = Array.from({ length: 150 }, (_, i): SchedState => {
    const stability = 1 + (i % 60);
    const last = today - (i % 7) * DAY;
    return {
      ...newState(`rag.s${i}`, 'rag', i),
      state: CardState.Review,
      stability,
      difficulty: 3 + (i % 5),
      lastReview: last,
      due: last + Math.round(stability) * DAY,
      reps: 3,
    };
  });
  const fresh = Array.from({ length: 250 }, (_, i) => newState(`rag.n${i}`, 'rag', 150 + i));
  return [...studied, ...fresh];
}

const options: Omit<WorkloadOptions, 'desiredRetention'> = {
  newPerDay: 5,
  maxReviewsPerDay: 9_999,
  maximumInterval: 36_500,
  relearningSteps: 1,
  days: 365,
  seed: 7,
};

describe('desired retention guidance', () => {
  it('costs more reviews a day the more you want to remember, and keeps more in memory', () => {
    const levels = retentionGuidance(role(), today, options);
    expect(levels.map((l) => l.desiredRetention)).toEqual([0.8, 0.85, 0.9, 0.95]);
    for (let i = 1; i < levels.length; i++) {
      expect(levels[i]!.reviewsPerDay).toBeGreaterThan(levels[i - 1]!.reviewsPerDay);
      expect(levels[i]!.recalledAtEnd).toBeGreaterThan(levels[i - 1]!.recalledAtEnd);
    }
    // 0.95 costs far more than 0.90: the curve FSRS users are warned about.
    expect(levels[3]!.reviewsPerDay).toBeGreaterThan(1.5 * levels[2]!.reviewsPerDay);
  });

  it('gives the same figures for the same seed, and others for another seed', () => {
    const a = simulateWorkload(role(), today, { ...options, desiredRetention: 0.9 });
    expect(simulateWorkload(role(), today, { ...options, desiredRetention: 0.9 })).toEqual(a);
    expect(simulateWorkload(role(), today, { ...options, desiredRetention: 0.9, seed: 8 })).not.toEqual(a);
  });

  it('introduces new cards at the role’s limit until none are left, and leaves suspended cards out', () => {
    const cards = role();
    cards[0] = { ...cards[0]!, hidden: 'suspended' };
    const year = simulateWorkload(cards, today, { ...options, desiredRetention: 0.9 });
    expect(year.studiedAtEnd).toBe(149 + 250);
    const month = simulateWorkload(cards, today, { ...options, desiredRetention: 0.9, days: 30 });
    expect(month.studiedAtEnd).toBe(149 + 5 * 30);
  });

  it('costs nothing for a role with nothing studied and no new cards a day', () => {
    const fresh = role().filter((s) => s.state === CardState.New);
    const none = simulateWorkload(fresh, today, { ...options, desiredRetention: 0.9, newPerDay: 0 });
    expect(none).toMatchObject({ reviewsPerDay: 0, recalledAtEnd: 0, studiedAtEnd: 0 });
  });
});
