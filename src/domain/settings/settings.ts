import type { StepUnit } from 'ts-fsrs';

export interface RoleSettings {
  enabled: boolean;
  newPerDay: number;
  maxReviewsPerDay: number;
  /** Overrides the global desired retention for this role when set. */
  desiredRetention: number | null;
}

export interface Settings {
  language: 'en' | 'zh' | null;
  showBothLanguages: boolean;
  rolloverHour: number;
  desiredRetention: number;
  learningSteps: StepUnit[];
  relearningSteps: StepUnit[];
  fuzz: boolean;
  maximumInterval: number;
  roles: Record<string, RoleSettings>;
}

export const defaultRoleSettings = (enabled: boolean): RoleSettings => ({
  enabled,
  newPerDay: 10,
  maxReviewsPerDay: 200,
  desiredRetention: null,
});

export const defaultSettings: Settings = {
  language: null,
  showBothLanguages: false,
  rolloverHour: 4,
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  fuzz: true,
  maximumInterval: 36_500,
  roles: {},
};

/** Fundamentals applies to every role, so it starts switched on; the rest wait for the user. */
export function roleSettings(settings: Settings, deckId: string): RoleSettings {
  return settings.roles[deckId] ?? defaultRoleSettings(deckId === 'fundamentals');
}

export function retentionFor(settings: Settings, deckId: string): number {
  return roleSettings(settings, deckId).desiredRetention ?? settings.desiredRetention;
}

const stepPattern = /^\d+(\.\d+)?[mhd]$/;
export const isStep = (s: string): s is StepUnit => stepPattern.test(s) && parseFloat(s) > 0;
