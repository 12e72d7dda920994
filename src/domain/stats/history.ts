import type { ReviewLog } from '../scheduling/types';

export type LogLite = Pick<ReviewLog, 'review' | 'state' | 'rating' | 'durationMs'>;

export interface DayCount {
  day: number;
  count: number;
  timeMs: number;
}

export interface History {
  today: number;
  /** Share of reviews of Review-state cards not rated Again, by window; null when there were none. */
  trueRetention: { today: number | null; d7: number | null; d30: number | null; d365: number | null };
  /** The last 365 review days, oldest first (also the heatmap). */
  days: DayCount[];
  streak: { current: number; longest: number };
  totalReviews: number;
}

/** A day counts when it has a review; today without one yet does not break the streak. */
export function streaks(active: ReadonlySet<number>, today: number): { current: number; longest: number } {
  let current = 0;
  for (let d = active.has(today) ? today : today - 1; active.has(d); d--) current++;
  let longest = 0;
  let run = 0;
  let prev = Number.NaN;
  for (const d of [...active].sort((a, b) => a - b)) {
    run = d === prev + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    prev = d;
  }
  return { current, longest };
}
