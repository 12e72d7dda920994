import { DAY_MS, reviewDayNumber } from '../time/reviewDay';
import { BOUNDS } from './bounds';
import type { RoleSettings } from './settings';

/** The calendar date `YYYY-MM-DD` a review day starts on (before the rollover hour: the day before). */
export function reviewDayDate(now: number, rolloverHour: number): string {
  return new Date(reviewDayNumber(now, rolloverHour) * DAY_MS).toISOString().slice(0, 10);
}

/** The extra new cards "Study more today" gave this role for the review day of `now`; 0 on any other day. */
export function studyMoreToday(role: RoleSettings, now: number, rolloverHour: number): number {
  const extra = role.studyMore;
  return extra && extra.day === reviewDayDate(now, rolloverHour) ? extra.newCards : 0;
}

/** The role with `n` more new cards for today only, added to any given earlier today. */
export function withStudyMore(
  role: RoleSettings,
  n: number,
  now: number,
  rolloverHour: number,
): RoleSettings {
  const newCards = Math.min(BOUNDS.newPerDay.max, studyMoreToday(role, now, rolloverHour) + n);
  return { ...role, studyMore: { newCards, day: reviewDayDate(now, rolloverHour) } };
}
