import { CardState, type SchedState } from '../scheduling/types';
import { reviewDayNumber } from '../time/reviewDay';
import { isStudied, recallAt } from './recall';

export interface StateCounts {
  new: number;
  learning: number;
  review: number;
  relearning: number;
  suspended: number;
  buried: number;
  retired: number;
  /** Leeches still in the role, whatever their state (suspended ones too). */
  leeches: number;
}

export function stateCounts(states: readonly SchedState[]): StateCounts {
  const counts: StateCounts = {
    new: 0,
    learning: 0,
    review: 0,
    relearning: 0,
    suspended: 0,
    buried: 0,
    retired: 0,
    leeches: 0,
  };
  for (const s of states) {
    if (s.leech && s.hidden !== 'retired') counts.leeches++;
    if (s.hidden === 'retired') counts.retired++;
    else if (s.hidden === 'suspended') counts.suspended++;
    else if (s.hidden === 'buried') counts.buried++;
    else if (s.state === CardState.New) counts.new++;
    else if (s.state === CardState.Learning) counts.learning++;
    else if (s.state === CardState.Review) counts.review++;
    else counts.relearning++;
  }
  return counts;
}

/** Cards due on each of the next `days` review days; overdue cards count today. */
export function dueForecast(
  states: readonly SchedState[],
  now: number,
  rolloverHour: number,
  days = 30,
): number[] {
  const today = reviewDayNumber(now, rolloverHour);
  const out = new Array<number>(days).fill(0);
  for (const s of states) {
    if (s.hidden !== null || s.state === CardState.New) continue;
    const offset = Math.max(0, reviewDayNumber(s.due, rolloverHour) - today);
    if (offset < days) out[offset]!++;
  }
  return out;
}

export interface Bucket {
  /** Inclusive lower bound. */
  from: number;
  /** Exclusive upper bound (Infinity for the last). */
  to: number;
  count: number;
}

const bucketsOf = (edges: number[]): Bucket[] =>
  edges.map((from, i) => ({ from, to: edges[i + 1] ?? Infinity, count: 0 }));

export function place(buckets: Bucket[], value: number) {
  for (let i = buckets.length - 1; i >= 0; i--) {
    if (value >= buckets[i]!.from) {
      buckets[i]!.count++;
      return;
    }
  }
}

export interface Distributions {
  /** Stability in days. */
  stability: Bucket[];
  /** FSRS difficulty, 1–10. */
  difficulty: Bucket[];
  /** Predicted recall now, 0–1. */
  retrievability: Bucket[];
}

export const emptyDistributions = (): Distributions => ({
  stability: bucketsOf([0, 1, 3, 7, 30, 90, 365]),
  difficulty: bucketsOf([1, 2, 3, 4, 5, 6, 7, 8, 9]),
  retrievability: bucketsOf([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]),
});

/** Distributions over studied cards in the queues (not retired). */
export function distributions(states: readonly SchedState[], now: number): Distributions {
  const out = emptyDistributions();
  for (const s of states) {
    if (s.hidden === 'retired' || !isStudied(s)) continue;
    place(out.stability, s.stability);
    place(out.difficulty, s.difficulty);
    place(out.retrievability, recallAt(s, now));
  }
  return out;
}
