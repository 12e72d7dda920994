import { parseCalendarDate } from '../time/calendarDate';
import { BOUNDS, isStep } from './bounds';
import type { Settings } from './settings';

/**
 * What the app accepts for each setting. Written as plain checks, not a schema library: settings
 * are read at boot, in the first bundle, where a schema library would cost 25 KB of gzip.
 * Each check gives the issues of one value: [path below the field, message], none if it is valid.
 */
type Issue = [path: string, message: string];
type Check = (v: unknown) => Issue[];

const ok: Issue[] = [];
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (message: string): Issue[] => [['', message]];

const boolean: Check = (v) => (typeof v === 'boolean' ? ok : fail('must be true or false'));
const whole =
  ({ min, max }: { min: number; max: number }): Check =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? ok
      : fail(`must be a whole number from ${min} to ${max}`);
const number =
  ({ min, max }: { min: number; max: number }): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
      ? ok
      : fail(`must be a number from ${min} to ${max}`);
const nullable =
  (check: Check): Check =>
  (v) =>
    v === null ? ok : check(v);

/** A calendar date `YYYY-MM-DD` in the years the app's dates can reach. */
const calendarDate: Check = (v) => {
  const date = typeof v === 'string' ? parseCalendarDate(v) : null;
  return date !== null && date.y >= 2000 && date.y < 2200
    ? ok
    : fail('must be a date YYYY-MM-DD between 2000 and 2199');
};

const steps: Check = (v) => {
  if (!Array.isArray(v)) return fail('must be a list of steps');
  if (v.length > BOUNDS.steps.max) return fail(`must have at most ${BOUNDS.steps.max} steps`);
  return v.flatMap((step, i): Issue[] =>
    typeof step === 'string' && isStep(step)
      ? []
      : [[String(i), 'must be a step from "1m" to "1d", like "10m", "1h" or "1d"']],
  );
};

/** An object with exactly these fields, each checked. */
const strictObject =
  (fields: Record<string, Check>): Check =>
  (v) => {
    if (!isRecord(v)) return fail('must be an object');
    const extra = Object.keys(v).filter((k) => !(k in fields));
    if (extra.length) return fail(`has unknown fields: ${extra.join(', ')}`);
    return Object.entries(fields).flatMap(([key, check]) =>
      key in v ? nested(key, check(v[key])) : fail(`lacks ${key}`),
    );
  };

const nested = (key: string, issues: Issue[]): Issue[] =>
  issues.map(([path, message]) => [path ? `${key}.${path}` : key, message]);

const roleFields: Record<string, Check> = {
  enabled: boolean,
  newPerDay: whole(BOUNDS.newPerDay),
  maxReviewsPerDay: whole(BOUNDS.maxReviewsPerDay),
  desiredRetention: nullable(number(BOUNDS.desiredRetention)),
  interviewDate: nullable(calendarDate),
  catchUp: nullable(strictObject({ newPerDay: whole(BOUNDS.catchUpNewPerDay), until: calendarDate })),
  studyMore: nullable(strictObject({ newCards: whole(BOUNDS.newPerDay), day: calendarDate })),
};

/** A role's settings: every field optional (defaults fill in), unknown fields kept. */
const roleSettings: Check = (v) =>
  isRecord(v)
    ? Object.entries(roleFields).flatMap(([key, check]) => (key in v ? nested(key, check(v[key])) : []))
    : fail('must be an object');

const fields: Record<string, Check> = {
  language: (v) => (v === null || v === 'en' || v === 'zh' ? ok : fail('must be "en", "zh" or null')),
  showBothLanguages: boolean,
  showModelAnswer: boolean,
  countMockAsReviews: boolean,
  rolloverHour: whole(BOUNDS.rolloverHour),
  desiredRetention: number(BOUNDS.desiredRetention),
  learningSteps: steps,
  relearningSteps: steps,
  fuzz: boolean,
  maximumInterval: whole(BOUNDS.maximumInterval),
  leechThreshold: whole(BOUNDS.leechThreshold),
  suspendLeeches: boolean,
  roles: (v) =>
    isRecord(v)
      ? Object.entries(v).flatMap(([deckId, role]) =>
          deckId.length > 100
            ? fail('role ids are at most 100 characters')
            : nested(deckId, roleSettings(role)),
        )
      : fail('must be an object'),
};

export interface SettingsIssue {
  field: string;
  message: string;
}

/**
 * Every field of `settings` that is out of bounds, named by its path (`roles.rag.newPerDay`).
 * Stored settings are loose and partial on purpose: they gain fields over time, and the app
 * fills in whatever is missing from its defaults.
 */
export function settingsIssues(settings: unknown): SettingsIssue[] {
  if (!isRecord(settings)) return [{ field: '(settings)', message: 'must be an object' }];
  const issues = Object.entries(fields).flatMap(([key, check]) =>
    key in settings ? nested(key, check(settings[key])) : [],
  );
  const seen = new Map<string, string>();
  for (const [field, message] of issues) if (!seen.has(field)) seen.set(field, message);
  return [...seen].map(([field, message]) => ({ field, message }));
}

/**
 * Stored settings with every value out of bounds left out, so the default takes its place.
 * Settings written before these bounds existed (a step of "99999999999d") stop here.
 */
export function dropInvalidSettings(stored: unknown): Partial<Settings> {
  if (!isRecord(stored)) return {};
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (key === 'roles') {
      if (!isRecord(value)) continue;
      kept.roles = Object.fromEntries(
        Object.entries(value)
          .filter(([, role]) => isRecord(role))
          .map(([deckId, role]) => [
            deckId,
            Object.fromEntries(
              Object.entries(role as Record<string, unknown>).filter(
                ([field, v]) => !roleFields[field] || roleFields[field](v).length === 0,
              ),
            ),
          ]),
      );
      continue;
    }
    const check = fields[key];
    if (!check || check(value).length === 0) kept[key] = value;
  }
  return kept as Partial<Settings>;
}
