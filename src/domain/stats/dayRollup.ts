import { CardState, Rating } from '../scheduling/types';
import { reviewDayNumber } from '../time/reviewDay';
import { streaks, type History, type LogLite } from './history';

/**
 * One role's reviews on one review day: everything the history statistics need, so they read
 * a few thousand rows instead of every review log. Kept in step with the logs by the review
 * transaction (and undo); rebuilt from the logs when the rollover hour changes or logs are imported.
 */
export interface DayRollup {
  deckId: string;
  day: number;
  count: number;
  timeMs: number;
  /** Reviews of cards that were new. */
  fresh: number;
  /** Reviews of cards in the Review state, and how many of those were not Again. */
  mature: number;
  maturePass: number;
}

export type RollupKey = Pick<DayRollup, 'deckId' | 'day'>;

export const emptyRollup = (deckId: string, day: number): DayRollup => ({
  deckId,
  day,
  count: 0,
  timeMs: 0,
  fresh: 0,
  mature: 0,
  maturePass: 0,
});

/** Adds (sign 1) or removes (sign -1, undo) one review. */
export function applyLog(row: DayRollup, log: LogLite, sign: 1 | -1): DayRollup {
  const mature = log.state === CardState.Review;
  return {
    ...row,
    count: row.count + sign,
    timeMs: row.timeMs + sign * log.durationMs,
    fresh: row.fresh + (log.state === CardState.New ? sign : 0),
    mature: row.mature + (mature ? sign : 0),
    maturePass: row.maturePass + (mature && log.rating !== Rating.Again ? sign : 0),
  };
}

export const rollupKey = (log: LogLite & { deckId: string }, rolloverHour: number): RollupKey => ({
  deckId: log.deckId,
  day: reviewDayNumber(log.review, rolloverHour),
});

/** Rollups from scratch, for a rebuild. */
export function rollupsFromLogs(
  logs: Iterable<LogLite & { deckId: string }>,
  rolloverHour: number,
): DayRollup[] {
  const rows = new Map<string, DayRollup>();
  for (const log of logs) {
    const { deckId, day } = rollupKey(log, rolloverHour);
    const id = `${deckId}\u0000${day}`;
    rows.set(id, applyLog(rows.get(id) ?? emptyRollup(deckId, day), log, 1));
  }
  return [...rows.values()];
}

/** The same History as `history(logs)`, from rollups (of one role, or summed over several). */
export function historyFromRollups(rows: readonly DayRollup[], now: number, rolloverHour: number): History {
  const today = reviewDayNumber(now, rolloverHour);
  const first = today - 364;
  const days = Array.from({ length: 365 }, (_, i) => ({ day: first + i, count: 0, timeMs: 0 }));
  const windows = [1, 7, 30, 365];
  const pass = [0, 0, 0, 0];
  const total = [0, 0, 0, 0];
  const active = new Set<number>();
  let totalReviews = 0;
  for (const row of rows) {
    if (row.count <= 0) continue;
    totalReviews += row.count;
    active.add(row.day);
    const age = today - row.day;
    if (age < 0) continue;
    if (age < 365) {
      const slot = days[364 - age]!;
      slot.count += row.count;
      slot.timeMs += row.timeMs;
    }
    for (let w = 0; w < windows.length; w++) {
      if (age < windows[w]!) {
        total[w]! += row.mature;
        pass[w]! += row.maturePass;
      }
    }
  }
  const ratio = (w: number) => (total[w] ? pass[w]! / total[w]! : null);
  return {
    today,
    trueRetention: { today: ratio(0), d7: ratio(1), d30: ratio(2), d365: ratio(3) },
    days,
    streak: streaks(active, today),
    totalReviews,
  };
}

/** New cards introduced today (for the interview projection). */
export function freshToday(rows: readonly DayRollup[], now: number, rolloverHour: number): number {
  const today = reviewDayNumber(now, rolloverHour);
  return rows.reduce((n, r) => (r.day === today ? n + r.fresh : n), 0);
}
