const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date of a time, `YYYY-MM-DD`. */
export function localDate(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const APP = 'interview-recall';

/**
 * `interview-recall-history-rag-2026-01-01-to-2026-03-31.csv`: app, scope and the days the file
 * holds (one day named once); without a range, the day it was exported.
 */
export function historyFileName(
  deckId: string | null,
  range: { from: number | null; to: number | null },
  now: number,
  ext: 'csv' | 'json',
): string {
  const last = localDate(range.to === null ? now : range.to - 1);
  const first = range.from === null ? null : localDate(range.from);
  const days =
    range.from === null && range.to === null
      ? localDate(now)
      : first === null
        ? `to-${last}`
        : first === last
          ? first
          : `${first}-to-${last}`;
  return `${APP}-history-${deckId ?? 'all'}-${days}.${ext}`;
}

export const backupFileName = (now: number): string => `${APP}-backup-${localDate(now)}.json`;

export const deckFileName = (deckId: string, now: number, ext: 'json' | 'tsv'): string =>
  `${APP}-deck-${deckId}-${localDate(now)}.${ext}`;
