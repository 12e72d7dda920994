import { describe, expect, it } from 'vitest';
import { isStep } from './bounds';
import { dropInvalidSettings, settingsIssues } from './schema';
import { defaultSettings } from './settings';

describe('settings bounds', () => {
  it('accepts steps from a minute to a day, and nothing else', () => {
    expect(['1m', '10m', '1.5m', '1h', '24h', '1d', '1440m'].filter(isStep)).toHaveLength(7);
    expect(
      ['0m', '0.5m', '1441m', '25h', '2d', '100000d', '99999999999d', '1e3m', '-1m', 'm', '10'].filter(
        isStep,
      ),
    ).toEqual([]);
  });

  it('names every field out of bounds, down to a role’s catch-up plan', () => {
    expect(settingsIssues(defaultSettings)).toEqual([]);
    const bad = {
      ...defaultSettings,
      learningSteps: ['1m', '99999999999d'],
      relearningSteps: Array.from({ length: 11 }, () => '10m'),
      maximumInterval: 36_501,
      desiredRetention: 0.5,
      rolloverHour: 24,
      roles: {
        rag: { newPerDay: 10_000, catchUp: { newPerDay: 1e300, until: '2027-01-01' } },
        agent: { maxReviewsPerDay: 'abc', interviewDate: '1970-01-01' },
      },
    };
    expect(settingsIssues(bad).map((i) => i.field)).toEqual([
      'rolloverHour',
      'desiredRetention',
      'learningSteps.1',
      'relearningSteps',
      'maximumInterval',
      'roles.rag.newPerDay',
      'roles.rag.catchUp.newPerDay',
      'roles.agent.maxReviewsPerDay',
      'roles.agent.interviewDate',
    ]);
  });

  it('drops stored values out of bounds so the defaults take their place, keeping the rest', () => {
    const stored = {
      learningSteps: ['1m', '99999999999d'],
      relearningSteps: ['5m'],
      maximumInterval: 1e308,
      fuzz: false,
      roles: { rag: { enabled: true, newPerDay: 1e300 }, broken: 5 },
    };
    expect(dropInvalidSettings(stored)).toEqual({
      relearningSteps: ['5m'],
      fuzz: false,
      roles: { rag: { enabled: true } },
    });
  });
});
