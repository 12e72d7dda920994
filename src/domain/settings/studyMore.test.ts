import { describe, expect, it } from 'vitest';
import { settingsIssues } from './schema';
import { defaultRoleSettings, defaultSettings, newPerDayOn } from './settings';
import { reviewDayDate, withStudyMore } from './studyMore';

const at = (day: number, hour: number) => new Date(2026, 5, day, hour).getTime();
const rollover = 4;

describe('study more today', () => {
  const role = { ...defaultRoleSettings(true), newPerDay: 10 };

  it('names the review day: before the rollover hour it is still yesterday', () => {
    expect(reviewDayDate(at(10, 12), rollover)).toBe('2026-06-10');
    expect(reviewDayDate(at(11, 3), rollover)).toBe('2026-06-10');
    expect(reviewDayDate(at(11, 4), rollover)).toBe('2026-06-11');
  });

  it('raises today’s new-card limit until the review day ends, leaving the daily limit alone', () => {
    const more = withStudyMore(role, 15, at(10, 9), rollover);
    expect(more.newPerDay).toBe(10);
    expect(newPerDayOn(more, at(10, 9), rollover)).toBe(25);
    expect(newPerDayOn(more, at(11, 3), rollover)).toBe(25);
    expect(newPerDayOn(more, at(11, 4), rollover)).toBe(10);
    expect(newPerDayOn(more, at(9, 12), rollover)).toBe(10);
  });

  it('adds up when asked twice the same day, and starts again on a new day', () => {
    const twice = withStudyMore(withStudyMore(role, 5, at(10, 9), rollover), 5, at(10, 20), rollover);
    expect(newPerDayOn(twice, at(10, 21), rollover)).toBe(20);
    const nextDay = withStudyMore(twice, 3, at(11, 9), rollover);
    expect(newPerDayOn(nextDay, at(11, 9), rollover)).toBe(13);
  });

  it('comes on top of a catch-up plan', () => {
    const plan = { ...role, catchUp: { newPerDay: 30, until: '2026-07-01' } };
    expect(newPerDayOn(withStudyMore(plan, 5, at(10, 9), rollover), at(10, 9), rollover)).toBe(35);
  });

  it('is stored as settings accept it, and refused out of bounds by name', () => {
    const ok = withStudyMore(role, 20, at(10, 9), rollover);
    expect(settingsIssues({ ...defaultSettings, roles: { rag: ok } })).toEqual([]);
    const bad = { ...role, studyMore: { newCards: 1e300, day: '2026-06-10' } };
    expect(settingsIssues({ ...defaultSettings, roles: { rag: bad } })).toEqual([
      { field: 'roles.rag.studyMore.newCards', message: expect.any(String) },
    ]);
  });
});
