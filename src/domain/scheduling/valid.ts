import { BOUNDS } from '../settings/bounds';
import type { OptionalStateField, ReviewLog, SchedState } from './types';

const DAY = 86_400_000;
/** Reviews happen between these dates; anything else is a corrupted or invented timestamp. */
export const MIN_TIME = Date.UTC(2000, 0, 1);
export const MAX_TIME = Date.UTC(2200, 0, 1);
/**
 * The latest device clock the app reviews with. A review before it is due at most the maximum
 * interval (36,500 days) later, so every date it writes is before MAX_TIME.
 */
export const MAX_CLOCK = Date.UTC(2100, 0, 1);
export const INVALID_DATE = 'is not a valid date';

export const isTime = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= MIN_TIME && v < MAX_TIME;

/** Whether the device clock can be believed: a review made at `now` is written as it is. */
export const isPlausibleClock = (now: number): boolean =>
  Number.isFinite(now) && now >= MIN_TIME && now < MAX_CLOCK;

export const cardIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Check = readonly [test: (v: unknown) => boolean, message: string];

const number = (min: number, max: number): Check => [
  (v) => typeof v === 'number' && v >= min && v <= max,
  `must be a number from ${min} to ${max}`,
];
const whole = (min: number, max: number): Check => [
  (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max,
  `must be a whole number from ${min} to ${max}`,
];
const time: Check = [isTime, INVALID_DATE];
const text = (pattern: RegExp, max: number, message: string): Check => [
  (v) => typeof v === 'string' && v.length <= max && pattern.test(v),
  message,
];

/** What FSRS can produce (ts-fsrs clamps stability to 36,500 days and difficulty to 1–10; 0 is new). */
const stability = number(0, BOUNDS.maximumInterval.max);
const difficulty = number(0, 10);
const days = number(0, BOUNDS.maximumInterval.max);
const elapsedDays = number(0, Math.ceil((MAX_TIME - MIN_TIME) / DAY));
const stepIndex = whole(0, 100);
const counter = whole(0, 1_000_000);

type LogField = Exclude<keyof ReviewLog, 'keyPointsHit' | 'keyPointsTotal'>;

/** One definition of a valid review log, field by field: the scheduler's output and restore check it. */
export const logChecks: Record<LogField, Check> = {
  id: [(v) => typeof v === 'string' && v.length > 0 && v.length <= 120, 'must be a non-empty id'],
  cardId: text(cardIdPattern, 120, 'must be a card id'),
  deckId: text(slug, 60, 'must be a deck id'),
  rating: whole(1, 4),
  state: whole(0, 3),
  due: time,
  stability,
  difficulty,
  elapsedDays,
  lastElapsedDays: elapsedDays,
  scheduledDays: days,
  learningSteps: stepIndex,
  review: time,
  durationMs: number(0, DAY),
};

/** A new card's `due` is its position in the deck; every other state's is a time. */
const position = whole(0, MIN_TIME - 1);

/** One definition of a valid scheduling state: the scheduler's output and restore check it. */
export const stateChecks: Record<Exclude<keyof SchedState, OptionalStateField>, Check> = {
  cardId: text(cardIdPattern, 120, 'must be a card id'),
  deckId: text(slug, 60, 'must be a deck id'),
  state: whole(0, 3),
  due: [(v) => isTime(v) || position[0](v), INVALID_DATE],
  stability,
  difficulty,
  scheduledDays: days,
  learningSteps: stepIndex,
  reps: counter,
  lapses: counter,
  lastReview: [(v) => v === null || isTime(v), INVALID_DATE],
  hidden: [
    (v) => v === null || v === 'suspended' || v === 'retired' || v === 'buried',
    'must be "suspended", "buried", "retired" or null',
  ],
};

/** Fields a state may lack; when present they are checked like the others. */
export const optionalStateChecks: Record<OptionalStateField, Check> = {
  buriedUntil: time,
  flag: whole(1, 7),
  leech: [(v) => v === true, 'must be true when present'],
  resetAt: time,
};

export interface FieldIssue {
  field: string;
  message: string;
}

function firstIssue<T extends object>(
  record: T,
  checks: Partial<Record<keyof T, Check>>,
  extra: (r: T) => FieldIssue | null,
): FieldIssue | null {
  for (const field of Object.keys(checks) as (keyof T)[]) {
    const [test, message] = checks[field]!;
    if (!test(record[field])) return { field: String(field), message };
  }
  return extra(record);
}

const deckMatches = (cardId: string, deckId: string): FieldIssue | null =>
  cardId.startsWith(`${deckId}.`)
    ? null
    : { field: 'cardId', message: `must start with the deck id "${deckId}."` };

/** The first field of a state that is out of range, or null if the state is valid. */
export const stateIssue = (s: SchedState): FieldIssue | null =>
  firstIssue(s, stateChecks, (r) => {
    if (r.state !== 0 && !isTime(r.due)) return { field: 'due', message: INVALID_DATE };
    const present = (Object.keys(optionalStateChecks) as OptionalStateField[]).filter((f) => f in r);
    const issue = firstIssue(
      r,
      Object.fromEntries(present.map((f) => [f, optionalStateChecks[f]])),
      () => null,
    );
    if (issue) return issue;
    if (r.hidden === 'buried' && r.buriedUntil === undefined)
      return { field: 'buriedUntil', message: 'must be set on a buried card' };
    return deckMatches(r.cardId, r.deckId);
  });

/** The first field of a log that is out of range, or null if the log is valid. */
export const logIssue = (l: ReviewLog): FieldIssue | null =>
  firstIssue(l, logChecks, (r) => {
    if (!r.cardId.startsWith(`${r.deckId}.`))
      return { field: 'deckId', message: 'does not match the card id' };
    return r.keyPointsHit === undefined && r.keyPointsTotal === undefined
      ? null
      : keyPointsIssue(r.keyPointsHit, r.keyPointsTotal);
  });

/** Key points ticked with a review: 0 to the total, of a total of 1–5. */
export function keyPointsIssue(hit: unknown, total: unknown): FieldIssue | null {
  const ok = whole(1, 5)[0](total) && whole(0, total as number)[0](hit);
  return ok
    ? null
    : { field: 'keyPointsHit', message: 'must be key points ticked (0–total) of a total of 1–5' };
}
