import { describe, expect, it } from 'vitest';
import { weightsSchema } from '../optimizer/paramsSchema';
import {
  INVALID_DATE,
  keyPointsIssue,
  logChecks,
  logIssue,
  optionalStateChecks,
  stateChecks,
  stateIssue,
} from '../scheduling/valid';
import { defaultSettings } from '../settings/settings';
import { settingsIssues } from '../settings/schema';
import type { ReviewLog, SchedState } from '../scheduling/types';
import { reasonOfIssue, reasonOfMessage } from './reason';

const state: SchedState = {
  cardId: 'rag.a',
  deckId: 'rag',
  state: 2,
  due: Date.UTC(2026, 0, 2),
  stability: 3,
  difficulty: 5,
  scheduledDays: 1,
  learningSteps: 0,
  reps: 1,
  lapses: 0,
  lastReview: Date.UTC(2026, 0, 1),
  hidden: null,
};

describe('reasons for the hand-written checks', () => {
  it('has a reason for every message of the state and log checks', () => {
    const messages = [
      ...Object.values(stateChecks),
      ...Object.values(logChecks),
      ...Object.values(optionalStateChecks),
    ]
      .map(([, message]) => message)
      .filter((m) => m !== INVALID_DATE);
    messages.push(
      stateIssue({ ...state, hidden: 'buried' })!.message,
      stateIssue({ ...state, deckId: 'other' })!.message,
      logIssue({
        ...(state as unknown as ReviewLog),
        id: 'l',
        rating: 3,
        elapsedDays: 0,
        lastElapsedDays: 0,
        review: Date.UTC(2026, 0, 1),
        durationMs: 1,
        deckId: 'x',
      })!.message,
      keyPointsIssue(9, 3)!.message,
    );
    expect(messages.slice(-4).map((m) => reasonOfMessage(m).code)).toEqual([
      'buriedUntil',
      'cardIdPrefix',
      'deckIdMismatch',
      'keyPoints',
    ]);
    const unknown = messages.filter((m) => reasonOfMessage(m).code === 'notValid');
    expect(unknown).toEqual([]);
    expect(reasonOfMessage('must be a whole number from 1 to 7')).toEqual({
      code: 'wholeRange',
      values: { min: 1, max: 7 },
    });
    expect(reasonOfMessage('must be "suspended", "buried", "retired" or null')).toEqual({
      code: 'oneOf',
      values: { options: '"suspended", "buried", "retired", null' },
    });
    expect(reasonOfMessage('must start with the deck id "rag."')).toEqual({
      code: 'cardIdPrefix',
      values: { prefix: 'rag.' },
    });
  });

  it('has a reason for every message of the settings checks', () => {
    const bad = (value: unknown) => Object.fromEntries(Object.keys(defaultSettings).map((k) => [k, value]));
    const issues = [
      ...settingsIssues(bad('?')),
      ...settingsIssues(bad(['1m', '99y'])),
      ...settingsIssues({ learningSteps: Array(50).fill('1m') }),
      ...settingsIssues({
        roles: {
          ['r'.repeat(101)]: {},
          rag: 'x',
          mlops: { interviewDate: 'soon', catchUp: { newPerDay: 1, extra: 1 }, studyMore: { newCards: 1 } },
        },
      }),
      ...settingsIssues(null),
    ];
    expect(issues.length).toBeGreaterThan(15);
    const unknown = issues.filter(({ message }) => reasonOfMessage(message).code === 'notValid');
    expect(unknown).toEqual([]);
    expect(new Set(issues.map(({ message }) => reasonOfMessage(message).code))).toEqual(
      new Set([
        'oneOf',
        'notBoolean',
        'wholeRange',
        'range',
        'notSteps',
        'badStep',
        'tooMany',
        'notObject',
        'tooLong',
        'calendarDate',
        'unknownFields',
        'lacks',
      ]),
    );
  });

  it('words FSRS parameters out of range or of the wrong count', () => {
    const short = weightsSchema.safeParse([1, 2]);
    expect(short.success || reasonOfIssue(short.error.issues[0]!, [1, 2])).toEqual({
      code: 'exactly',
      values: { n: 21 },
    });
    const w = Array(21).fill(0.5);
    w[7] = 3;
    const out = weightsSchema.safeParse(w);
    expect(out.success || out.error.issues.map((i) => reasonOfIssue(i, w))).toContainEqual({
      code: 'range',
      values: { min: 0.001, max: 0.75 },
    });
  });
});
