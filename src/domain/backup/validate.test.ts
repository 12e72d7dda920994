import { describe, expect, it } from 'vitest';
import { deck } from '../../../tests/fixtures/data/seed';
import { deckRecord } from '../deck/records';
import { parseJson } from '../import/safeJson';
import { newState } from '../scheduling/newState';
import type { ReviewLog } from '../scheduling/types';
import { BACKUP_VERSION, backupToString, type BackupData } from './format';
import { validateBackup } from './validate';

const T = Date.UTC(2026, 4, 2, 9);
const log = (id: string, cardId: string, review: number): ReviewLog => ({
  id,
  cardId,
  deckId: cardId.split('.')[0]!,
  rating: 3,
  state: 0,
  due: review + 600_000,
  stability: 2.3065,
  difficulty: 2.118104,
  elapsedDays: 0,
  lastElapsedDays: 0,
  scheduledDays: 0,
  learningSteps: 1,
  review,
  durationMs: 5234,
});

const mine = deck('user-mine', ['one', 'two'], 'Mine');
const data: BackupData = {
  createdAt: T,
  settings: {
    settings: { desiredRetention: 0.85, roles: { 'user-mine': { enabled: true } } },
    'stats.view': 'week',
  },
  decks: [
    {
      deck: deckRecord(mine, 'user', 'h1'),
      cards: mine.cards.map((c, i) => ({
        ...c,
        deckId: mine.id,
        position: i,
        hash: `c${i}`,
        retired: false,
      })),
    },
  ],
  states: [
    { ...newState('fundamentals.a', 'fundamentals', 0), state: 1, due: T + 600_000, lastReview: T, reps: 1 },
    newState('user-mine.one', 'user-mine', 0),
  ],
  logs: [log('l1', 'fundamentals.a', T), log('l2', 'user-mine.one', T - 1000)],
};

const check = (text: string) => {
  const json = parseJson(text);
  return json.ok ? validateBackup(json.value, text) : { ok: false as const, problems: [json.problem] };
};
const problems = (text: string) => {
  const result = check(text);
  return result.ok ? [] : result.problems;
};
/** A file edited by hand: its checksum left out, so what is checked is the edit itself. */
const edit = (change: (raw: Record<string, unknown>) => void) => {
  const raw = JSON.parse(backupToString(data));
  delete raw.checksum;
  change(raw);
  return JSON.stringify(raw);
};

describe('backup file', () => {
  it('reads back exactly what was written', () => {
    const result = check(backupToString(data));
    expect(result).toEqual({ ok: true, value: data, warnings: [] });
  });

  it('refuses other files and versions it does not know, saying which', () => {
    expect(problems(JSON.stringify(mine))).toEqual([{ code: 'isDeck' }]);
    expect(problems('{"hello": 1}')).toEqual([{ code: 'notBackup' }]);
    expect(problems(edit((r) => (r.version = BACKUP_VERSION + 1)))).toEqual([
      { code: 'futureVersion', field: 'version', detail: String(BACKUP_VERSION + 1) },
    ]);
    expect(problems(edit((r) => (r.version = '1')))).toMatchObject([{ code: 'badVersion' }]);
  });

  it('carries the key points ticked with a review, and still reads version 1 files without them', () => {
    const ticked = {
      ...data,
      logs: [{ ...data.logs[0]!, keyPointsHit: 2, keyPointsTotal: 4 }, data.logs[1]!],
    };
    expect(check(backupToString(ticked))).toEqual({ ok: true, value: ticked, warnings: [] });
    const v1 = edit((r) => {
      r.version = 1;
      r.logColumns = (r.logColumns as string[]).slice(0, -2);
    });
    expect(check(v1)).toEqual({ ok: true, value: data, warnings: [] });
    const overTicked = JSON.stringify({
      ...JSON.parse(backupToString(ticked).replace(',2,4]', ',5,4]')),
      checksum: undefined,
    });
    expect(problems(overTicked)).toMatchObject([{ code: 'invalid', field: 'logs.0.keyPointsHit' }]);
  });

  it('refuses a cut-off file and one whose counts do not match what it holds', () => {
    const text = backupToString(data);
    expect(problems(text.slice(0, text.length - 20))).toMatchObject([{ code: 'truncated' }]);
    expect(problems(edit((r) => (r.logs as unknown[]).pop()))).toEqual([
      { code: 'countMismatch', field: 'logs', detail: '2 ≠ 1' },
    ]);
  });

  it('names the field and card of bad values: dates, ratings, NaN, infinity', () => {
    const badDate = edit((r) => ((r.logs as unknown[][])[1]![12] = 12));
    expect(problems(badDate)).toEqual([
      { code: 'invalidDate', field: 'logs.1.review', cardId: 'user-mine.one', detail: 'is not a valid date' },
    ]);
    const badRating = edit((r) => ((r.logs as unknown[][])[0]![3] = 5));
    expect(problems(badRating)).toMatchObject([
      { code: 'invalid', field: 'logs.0.rating', cardId: 'fundamentals.a' },
    ]);
    const badState = edit((r) => ((r.states as Record<string, unknown>[])[0]!.lastReview = -5));
    expect(problems(badState)).toMatchObject([
      { code: 'invalidDate', field: 'states.0.lastReview', cardId: 'fundamentals.a' },
    ]);
    expect(problems(backupToString(data).replace('2.3065', 'NaN'))).toMatchObject([{ code: 'invalidJson' }]);
    expect(problems(backupToString(data).replace('2.3065', '1e400'))).toEqual([
      { code: 'notFinite', field: 'logs.0.6' },
    ]);
    expect(problems(edit((r) => (r.createdAt = 'yesterday')))).toMatchObject([
      { code: 'invalidDate', field: 'createdAt' },
    ]);
  });

  it('refuses duplicate ids, built-in decks and the app’s own keys', () => {
    const dup = edit((r) => {
      const logs = r.logs as unknown[][];
      logs[1]![0] = 'l1';
    });
    expect(problems(dup)).toEqual([{ code: 'duplicateId', field: 'logs.1.id', detail: 'l1' }]);
    const builtin = edit((r) => ((r.decks as { deck: { id: string } }[])[0]!.deck.id = 'rag'));
    expect(problems(builtin)).toMatchObject([{ code: 'invalid', field: 'decks.0.deck.id' }]);
    expect(problems(edit((r) => ((r.settings as Record<string, unknown>)['data.snapshot'] = {})))).toEqual([
      { code: 'reservedKey', field: 'settings.data.snapshot' },
    ]);
  });

  it('refuses prototype keys anywhere, and never pollutes Object.prototype', () => {
    const text = backupToString(data).replace('"stats.view"', '"__proto__": {"polluted": 1}, "x"');
    expect(problems(text)).toEqual([
      { code: 'forbiddenKey', field: 'settings.__proto__', detail: '__proto__' },
    ]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('refuses numbers no review can produce: 1e308 stability, difficulty or days, 1e300 limits, text for numbers', () => {
    const state = (field: string, value: unknown) =>
      edit((r) => ((r.states as Record<string, unknown>[])[0]![field] = value));
    expect(problems(state('stability', 1e308))).toMatchObject([
      {
        code: 'invalid',
        field: 'states.0.stability',
        cardId: 'fundamentals.a',
        reason: { code: 'range', values: { min: 0, max: 36_500 } },
      },
    ]);
    expect(problems(state('difficulty', 11))).toMatchObject([{ field: 'states.0.difficulty' }]);
    expect(problems(state('scheduledDays', 1e308))).toMatchObject([{ field: 'states.0.scheduledDays' }]);
    expect(problems(state('reps', 1e300))).toMatchObject([{ field: 'states.0.reps' }]);
    const row = (column: number, value: unknown) =>
      edit((r) => ((r.logs as unknown[][])[0]![column] = value));
    expect(problems(row(6, 1e308))).toMatchObject([{ code: 'invalid', field: 'logs.0.stability' }]);
    expect(problems(row(10, 1e308))).toMatchObject([{ code: 'invalid', field: 'logs.0.scheduledDays' }]);
    expect(problems(row(13, 1e308))).toMatchObject([{ code: 'invalid', field: 'logs.0.durationMs' }]);
    const role = (value: Record<string, unknown>) =>
      edit(
        (r) =>
          ((r.settings as { settings: { roles: Record<string, unknown> } }).settings.roles['user-mine'] =
            value),
      );
    expect(problems(role({ catchUp: { newPerDay: 1e300, until: '2026-06-01' } }))).toMatchObject([
      { code: 'invalid', field: 'settings.settings.roles.user-mine.catchUp.newPerDay' },
    ]);
    expect(problems(role({ newPerDay: 'abc' }))).toMatchObject([
      { code: 'invalid', field: 'settings.settings.roles.user-mine.newPerDay' },
    ]);
    expect(problems(role({ interviewDate: '275760-09-13' }))).toMatchObject([
      { field: 'settings.settings.roles.user-mine.interviewDate' },
    ]);
    const steps = edit(
      (r) =>
        ((r.settings as { settings: Record<string, unknown> }).settings.learningSteps = ['99999999999d']),
    );
    expect(problems(steps)).toMatchObject([{ field: 'settings.settings.learningSteps.0' }]);
  });

  it('names a file changed after it was saved as damaged, and accepts one whose checksum was removed', () => {
    const text = backupToString(data);
    expect(JSON.parse(text)).toHaveProperty('checksum');
    expect(problems(text.replace('5234', '5235'))).toEqual([{ code: 'damaged', field: 'checksum' }]);
    expect(problems(text.replace('"stats.view":"week"', '"stats.view":"month"'))).toEqual([
      { code: 'damaged', field: 'checksum' },
    ]);
    expect(problems(text.replace(/"checksum": "/, '"checksum": "0'))).toEqual([
      { code: 'damaged', field: 'checksum' },
    ]);
    expect(check(edit(() => {}))).toEqual({ ok: true, value: data, warnings: [] });
  });
});
