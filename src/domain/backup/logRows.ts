import type { DataProblem } from '../import/problem';
import type { ReviewLog } from '../scheduling/types';
import { LOG_COLUMNS, LOG_OPTIONAL_COLUMNS, rowToLog } from './format';
import { cardIdPattern, INVALID_DATE, isTime } from './schemas';

type Column = (typeof LOG_COLUMNS)[number];

const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isNonNegative = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const inRange = (lo: number, hi: number) => (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
const isText = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 120;

/** Checked by hand rather than by schema: a million rows have to be fast. */
const checks: Record<Column, [(v: unknown) => boolean, string]> = {
  id: [isText, 'must be a non-empty id'],
  cardId: [(v) => typeof v === 'string' && v.length <= 120 && cardIdPattern.test(v), 'must be a card id'],
  deckId: [isText, 'must be a deck id'],
  rating: [inRange(1, 4), 'must be 1–4'],
  state: [inRange(0, 3), 'must be 0–3'],
  due: [isTime, INVALID_DATE],
  stability: [isNonNegative, 'must be a number ≥ 0'],
  difficulty: [isNonNegative, 'must be a number ≥ 0'],
  elapsedDays: [isNonNegative, 'must be a number ≥ 0'],
  lastElapsedDays: [isNonNegative, 'must be a number ≥ 0'],
  scheduledDays: [isNonNegative, 'must be a number ≥ 0'],
  learningSteps: [isCount, 'must be a whole number ≥ 0'],
  review: [isTime, INVALID_DATE],
  durationMs: [isNonNegative, 'must be a number ≥ 0'],
};

export function readLogRows(rows: unknown[], problems: DataProblem[]): ReviewLog[] {
  const logs: ReviewLog[] = [];
  for (let i = 0; i < rows.length && problems.length < 50; i++) {
    const row = rows[i];
    const full = LOG_COLUMNS.length + LOG_OPTIONAL_COLUMNS.length;
    if (!Array.isArray(row) || (row.length !== LOG_COLUMNS.length && row.length !== full)) {
      problems.push({
        code: 'invalid',
        field: `logs.${i}`,
        detail: `must be a row of ${LOG_COLUMNS.length} or ${full} values`,
      });
      continue;
    }
    const cardId = typeof row[1] === 'string' ? row[1] : undefined;
    let ok = true;
    LOG_COLUMNS.forEach((column, c) => {
      const [check, message] = checks[column];
      if (!ok || check(row[c])) return;
      ok = false;
      problems.push({
        code: message === INVALID_DATE ? 'invalidDate' : 'invalid',
        field: `logs.${i}.${column}`,
        detail: message,
        ...(cardId ? { cardId } : {}),
      });
    });
    if (ok && row.length === full) {
      const [hit, total] = row.slice(LOG_COLUMNS.length) as unknown[];
      if (!inRange(1, 5)(total) || !inRange(0, total as number)(hit)) {
        problems.push({
          code: 'invalid',
          field: `logs.${i}.keyPointsHit`,
          detail: 'must be key points ticked (0–total) of a total of 1–5',
          ...(cardId ? { cardId } : {}),
        });
        ok = false;
      }
    }
    if (ok && !(row[1] as string).startsWith(`${row[2] as string}.`)) {
      problems.push({
        code: 'invalid',
        field: `logs.${i}.deckId`,
        cardId,
        detail: 'does not match the card id',
      });
      ok = false;
    }
    if (ok) logs.push(rowToLog(row));
  }
  return logs;
}
