import '../jitless';
import { z } from 'zod';
import { parseCalendarDate } from '../time/calendarDate';
import { BOUNDS, isStep } from './bounds';
import type { Settings } from './settings';

const whole = ({ min, max }: { min: number; max: number }) => z.number().int().min(min).max(max);
const number = ({ min, max }: { min: number; max: number }) => z.number().min(min).max(max);

/** A calendar date `YYYY-MM-DD` in the years the app's dates can reach. */
const calendarDate = z.string().refine((text) => {
  const date = parseCalendarDate(text);
  return date !== null && date.y >= 2000 && date.y < 2200;
}, 'must be a date YYYY-MM-DD between 2000 and 2199');

const steps = z
  .array(z.string().refine(isStep, 'must be a step from "1m" to "1d", like "10m", "1h" or "1d"'))
  .max(BOUNDS.steps.max);

export const roleSettingsSchema = z
  .looseObject({
    enabled: z.boolean(),
    newPerDay: whole(BOUNDS.newPerDay),
    maxReviewsPerDay: whole(BOUNDS.maxReviewsPerDay),
    desiredRetention: number(BOUNDS.desiredRetention).nullable(),
    interviewDate: calendarDate.nullable(),
    catchUp: z.strictObject({ newPerDay: whole(BOUNDS.catchUpNewPerDay), until: calendarDate }).nullable(),
    studyMore: z.strictObject({ newCards: whole(BOUNDS.newPerDay), day: calendarDate }).nullable(),
  })
  .partial();

const fields = {
  language: z.enum(['en', 'zh']).nullable(),
  showBothLanguages: z.boolean(),
  showModelAnswer: z.boolean(),
  countMockAsReviews: z.boolean(),
  rolloverHour: whole(BOUNDS.rolloverHour),
  desiredRetention: number(BOUNDS.desiredRetention),
  learningSteps: steps,
  relearningSteps: steps,
  fuzz: z.boolean(),
  maximumInterval: whole(BOUNDS.maximumInterval),
  leechThreshold: whole(BOUNDS.leechThreshold),
  suspendLeeches: z.boolean(),
  roles: z.record(z.string().max(100), roleSettingsSchema),
};

/**
 * Stored settings as the app writes them. Loose and partial on purpose: settings gain fields
 * over time, and the app fills in whatever is missing from its defaults.
 */
export const settingsSchema = z.looseObject(fields).partial();

export interface SettingsIssue {
  field: string;
  message: string;
}

/** Every field of `settings` that is out of bounds, named by its path (`roles.rag.newPerDay`). */
export function settingsIssues(settings: unknown): SettingsIssue[] {
  const parsed = settingsSchema.safeParse(settings);
  if (parsed.success) return [];
  const issues = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || '(settings)';
    if (!issues.has(field)) issues.set(field, issue.message);
  }
  return [...issues].map(([field, message]) => ({ field, message }));
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

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
              Object.entries(role as Record<string, unknown>).filter(([field, v]) => {
                const schema = roleSettingsSchema.shape[field as keyof typeof roleSettingsSchema.shape];
                return !schema || schema.safeParse(v).success;
              }),
            ),
          ]),
      );
      continue;
    }
    const schema = fields[key as keyof typeof fields];
    if (!schema || schema.safeParse(value).success) kept[key] = value;
  }
  return kept as Partial<Settings>;
}
