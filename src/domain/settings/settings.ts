import type { StepUnit } from 'ts-fsrs';
import { daysLeft } from '../time/calendarDate';
import { studyMoreToday } from './studyMore';

export interface RoleSettings {
  enabled: boolean;
  newPerDay: number;
  maxReviewsPerDay: number;
  /** Overrides the global desired retention for this role when set. */
  desiredRetention: number | null;
  /** The interview for this role, as a calendar date `YYYY-MM-DD`. */
  interviewDate: string | null;
  /** A raised new-card limit that holds until the given date (the "catch-up" plan). */
  catchUp: { newPerDay: number; until: string } | null;
  /** New cards added to the limit for one review day only ("Study more today"), the daily limit unchanged. */
  studyMore?: { newCards: number; day: string } | null;
}

export interface Settings {
  language: 'en' | 'zh' | null;
  showBothLanguages: boolean;
  /** Whether a card's full model answer opens with its key points (a card without key points always shows it). */
  showModelAnswer: boolean;
  /** Mock interview answers are recorded as normal reviews (off: a mock interview leaves the schedule alone). */
  countMockAsReviews: boolean;
  rolloverHour: number;
  desiredRetention: number;
  learningSteps: StepUnit[];
  relearningSteps: StepUnit[];
  fuzz: boolean;
  maximumInterval: number;
  /** A card that lapses this many times is marked a leech (Anki's default: 8). */
  leechThreshold: number;
  /** Whether a card is suspended when it becomes a leech. */
  suspendLeeches: boolean;
  roles: Record<string, RoleSettings>;
}

export const defaultRoleSettings = (enabled: boolean): RoleSettings => ({
  enabled,
  newPerDay: 10,
  maxReviewsPerDay: 200,
  desiredRetention: null,
  interviewDate: null,
  catchUp: null,
  studyMore: null,
});

export const defaultSettings: Settings = {
  language: null,
  showBothLanguages: false,
  showModelAnswer: false,
  countMockAsReviews: false,
  rolloverHour: 4,
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  fuzz: true,
  maximumInterval: 36_500,
  leechThreshold: 8,
  suspendLeeches: false,
  roles: {},
};

/** Fundamentals applies to every role, so it starts switched on; the rest wait for the user. */
export function roleSettings(settings: Settings, deckId: string): RoleSettings {
  // Stored settings may predate a field: defaults fill in whatever is missing.
  return { ...defaultRoleSettings(deckId === 'fundamentals'), ...settings.roles[deckId] };
}

/** The new-card limit a day brings: the catch-up plan's, while it lasts. */
export function dailyNewPerDay(role: RoleSettings, now: number, rolloverHour: number): number {
  const left = role.catchUp ? daysLeft(role.catchUp.until, now, rolloverHour) : null;
  return role.catchUp && left !== null && left > 0
    ? Math.max(role.newPerDay, role.catchUp.newPerDay)
    : role.newPerDay;
}

/** Today's new-card limit: the day's, plus what "Study more today" added for today only. */
export function newPerDayOn(role: RoleSettings, now: number, rolloverHour: number): number {
  return dailyNewPerDay(role, now, rolloverHour) + studyMoreToday(role, now, rolloverHour);
}

export function retentionFor(settings: Settings, deckId: string): number {
  return roleSettings(settings, deckId).desiredRetention ?? settings.desiredRetention;
}

export { isStep } from './bounds';
