const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date of a time, `YYYY-MM-DD`. */
export function localDate(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const APP = 'interview-recall';

/** `interview-recall-history-rag-2026-01-01_2026-03-31-2026-05-02.csv`: app, scope, range, export date. */
export function historyFileName(
  deckId: string | null,
  range: { from: number | null; to: number | null },
  now: number,
  ext: 'csv' | 'json',
): string {
  const span =
    range.from === null && range.to === null
      ? ''
      : `-${range.from === null ? 'start' : localDate(range.from)}_${range.to === null ? 'now' : localDate(range.to - 1)}`;
  return `${APP}-history-${deckId ?? 'all'}${span}-${localDate(now)}.${ext}`;
}

export const backupFileName = (now: number): string => `${APP}-backup-${localDate(now)}.json`;

export const deckFileName = (deckId: string, now: number, ext: 'json' | 'tsv'): string =>
  `${APP}-deck-${deckId}-${localDate(now)}.${ext}`;
