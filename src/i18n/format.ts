import type { Language } from './translate';

const locale = (lang: Language) => (lang === 'zh' ? 'zh-CN' : 'en');

/** Intl formatters are costly to create and are used on every card: make each one once. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** A short interval for the rating buttons: "<1 min", "10 min", "3 days", "1.2 yr". */
export function formatInterval(ms: number, lang: Language): string {
  const unit = (value: number, u: string, digits = 0) =>
    cached(
      `unit:${lang}:${u}:${digits}`,
      () =>
        new Intl.NumberFormat(locale(lang), {
          style: 'unit',
          unit: u,
          unitDisplay: 'short',
          maximumFractionDigits: digits,
        }),
    ).format(value);
  if (ms < MIN) return `<${unit(1, 'minute')}`;
  if (ms < HOUR) return unit(Math.round(ms / MIN), 'minute');
  if (ms < DAY) return unit(ms / HOUR, 'hour', 1);
  if (ms < 30 * DAY) return unit(Math.round(ms / DAY), 'day');
  if (ms < 365 * DAY) return unit(ms / (30 * DAY), 'month', 1);
  return unit(ms / (365 * DAY), 'year', 1);
}

export const formatNumber = (n: number, lang: Language) =>
  cached(`n:${lang}`, () => new Intl.NumberFormat(locale(lang))).format(n);

export const formatTime = (time: number, lang: Language) =>
  cached(
    `t:${lang}`,
    () => new Intl.DateTimeFormat(locale(lang), { hour: '2-digit', minute: '2-digit' }),
  ).format(time);

export const formatDate = (time: number, lang: Language) =>
  cached(`d:${lang}`, () => new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium' })).format(time);

export const formatPercent = (value: number, lang: Language, digits = 0) =>
  cached(
    `p:${lang}:${digits}`,
    () => new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: digits }),
  ).format(value);

/** A review-day number (days since 1970-01-01 of a local calendar date) as a short date. */
export const formatDayNumber = (day: number, lang: Language) =>
  cached(
    `day:${lang}`,
    () => new Intl.DateTimeFormat(locale(lang), { month: 'short', day: 'numeric', timeZone: 'UTC' }),
  ).format(day * 86_400_000);

/** A review-day number's month ("May", "5月") or weekday ("Mon", "周一"), for chart axes. */
export const formatDayPart = (day: number, part: 'month' | 'weekday', lang: Language) =>
  cached(
    `dp:${lang}:${part}`,
    () => new Intl.DateTimeFormat(locale(lang), { [part]: 'short', timeZone: 'UTC' }),
  ).format(day * 86_400_000);

/** A calendar date `YYYY-MM-DD` (an interview, a plan's end) as the language writes it; the text itself if invalid. */
export function formatCalendarDate(date: string, lang: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return cached(
    `cd:${lang}`,
    () => new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }),
  ).format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}
