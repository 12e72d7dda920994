import { DAY_MS, reviewDayNumber } from './reviewDay';

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses an interview date as a calendar date `YYYY-MM-DD` (no time zone games); null if invalid. */
export function parseCalendarDate(text: string): { y: number; m: number; d: number } | null {
  const match = pattern.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return { y, m, d };
}

/** The interview is assumed to be at 09:00 local time on its day. */
export function interviewMoment(date: string): number | null {
  const p = parseCalendarDate(date);
  return p ? new Date(p.y, p.m - 1, p.d, 9).getTime() : null;
}

/** Review days left before the interview day: today counts, the interview day does not. */
export function daysLeft(date: string, now: number, rolloverHour: number): number | null {
  const p = parseCalendarDate(date);
  if (!p) return null;
  return Math.round(Date.UTC(p.y, p.m - 1, p.d) / DAY_MS) - reviewDayNumber(now, rolloverHour);
}
