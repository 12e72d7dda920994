import { CardState, Rating, type ReviewLog } from '../scheduling/types';
import { reviewDayNumber } from '../time/reviewDay';

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

const HOUR = 3_600_000;

/** reviewDayNumber is costly per log; logs cluster, so cache it per hour. */
function dayNumberCache(rolloverHour: number) {
  const cache = new Map<number, number>();
  return (time: number) => {
    const hour = Math.floor(time / HOUR);
    let day = cache.get(hour);
    if (day === undefined) {
      day = reviewDayNumber(hour * HOUR, rolloverHour);
      cache.set(hour, day);
    }
    return day;
  };
}

export function history(logs: readonly LogLite[], now: number, rolloverHour: number): History {
  const dayOf = dayNumberCache(rolloverHour);
  const today = reviewDayNumber(now, rolloverHour);
  const first = today - 364;
  const days: DayCount[] = Array.from({ length: 365 }, (_, i) => ({ day: first + i, count: 0, timeMs: 0 }));
  const windows = [1, 7, 30, 365];
  const pass = [0, 0, 0, 0];
  const total = [0, 0, 0, 0];
  const active = new Set<number>();
  for (const log of logs) {
    const day = dayOf(log.review);
    active.add(day);
    const age = today - day;
    if (age >= 0 && age < 365) {
      const slot = days[364 - age]!;
      slot.count++;
      slot.timeMs += log.durationMs;
    }
    if (log.state !== CardState.Review || age < 0) continue;
    for (let w = 0; w < windows.length; w++) {
      if (age < windows[w]!) {
        total[w]!++;
        if (log.rating !== Rating.Again) pass[w]!++;
      }
    }
  }
  const ratio = (w: number) => (total[w] ? pass[w]! / total[w]! : null);
  return {
    today,
    trueRetention: { today: ratio(0), d7: ratio(1), d30: ratio(2), d365: ratio(3) },
    days,
    streak: streaks(active, today),
    totalReviews: logs.length,
  };
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
