import type { StepUnit } from 'ts-fsrs';

/**
 * What the app accepts for each setting, in one place: the settings forms, the settings store,
 * the scheduler and restore all check against these. The time bounds work together: a step is at
 * most a day and an interval at most 36,500 days, so a review made before 2100 (the latest clock
 * the app believes) is due before 2200, the latest date a restore accepts.
 */
export const BOUNDS = {
  rolloverHour: { min: 0, max: 23 },
  desiredRetention: { min: 0.7, max: 0.99 },
  maximumInterval: { min: 1, max: 36_500 },
  /** Each learning or relearning step, in minutes: a minute to a day. */
  stepMinutes: { min: 1, max: 1_440 },
  steps: { max: 10 },
  newPerDay: { min: 0, max: 9_999 },
  /** As the role form has always allowed: backups made before these bounds still restore. */
  maxReviewsPerDay: { min: 0, max: 99_999 },
  /** The catch-up plan asks for the cards left over the days left: at most a deck (20,000 cards). */
  catchUpNewPerDay: { min: 0, max: 99_999 },
  leechThreshold: { min: 1, max: 99 },
} as const;

const stepPattern = /^(\d{1,5}(?:\.\d{1,3})?)([mhd])$/;
const unitMinutes = { m: 1, h: 60, d: 1_440 } as const;

/** A step's length in minutes, or null if it is not a step like "10m", "1h" or "1d". */
export function stepMinutes(step: string): number | null {
  const match = stepPattern.exec(step);
  return match ? Number(match[1]) * unitMinutes[match[2] as keyof typeof unitMinutes] : null;
}

/** A learning or relearning step the scheduler accepts: "1m" to "1d". */
export function isStep(step: string): step is StepUnit {
  const minutes = stepMinutes(step);
  return minutes !== null && minutes >= BOUNDS.stepMinutes.min && minutes <= BOUNDS.stepMinutes.max;
}

export const isStepList = (steps: readonly string[]): steps is StepUnit[] =>
  steps.length <= BOUNDS.steps.max && steps.every(isStep);

export const inBounds = (value: number, { min, max }: { min: number; max: number }): boolean =>
  Number.isFinite(value) && value >= min && value <= max;

export const isWholeInBounds = (value: number, bounds: { min: number; max: number }): boolean =>
  Number.isInteger(value) && inBounds(value, bounds);
