import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../settings/settings';
import { mergeFields, readFields, stampEdits, tick, type FieldMap } from './fields';
import { settingsFromFields, settingsToFields } from './settingsFields';

const T = Date.UTC(2026, 0, 5);

describe('fields merged by a logical clock', () => {
  it('keeps both devices’ edits of different fields, and the later edit of the same field', () => {
    const base = stampEdits({}, { a: 1, b: 1, c: 1 }, T, 'phone');
    const phone = stampEdits(base, { a: 2, b: 1, c: 5 }, T + 10, 'phone');
    const laptop = stampEdits(base, { a: 1, b: 3, c: 9 }, T + 20, 'laptop');
    const merged = mergeFields(phone, laptop);
    expect(Object.fromEntries(Object.entries(merged).map(([k, f]) => [k, f.v]))).toEqual({
      a: 2,
      b: 3,
      c: 9,
    });
    expect(mergeFields(laptop, phone)).toEqual(merged);
  });

  it('orders an edit after every clock the device has seen, even with its own clock behind', () => {
    const remote: FieldMap = { a: { v: 1, c: { t: T + 60_000, c: 0, d: 'laptop' } } };
    const mine = stampEdits(remote, { a: 2 }, T, 'phone');
    expect(mine.a!.c).toEqual({ t: T + 60_000, c: 1, d: 'phone' });
    expect(mergeFields(remote, mine).a!.v).toBe(2);
  });

  it('leaves a value unchanged since the last merge with its clock', () => {
    const base = stampEdits({}, { a: 1 }, T, 'phone');
    expect(stampEdits(base, { a: 1 }, T + 5, 'phone')).toEqual(base);
  });

  it('counts a new field holding only its default as no edit', () => {
    expect(stampEdits({}, { a: null, b: 3 }, T, 'phone', { a: null, b: 1 })).toEqual({
      b: { v: 3, c: { t: T, c: 0, d: 'phone' } },
    });
  });

  it('tick counts edits within one millisecond', () => {
    expect(tick({ t: T, c: 3, d: 'x' }, T, 'y')).toEqual({ t: T, c: 4, d: 'y' });
    expect(tick(null, T, 'y')).toEqual({ t: T, c: 0, d: 'y' });
  });

  it('reads only well-formed fields from a document', () => {
    expect(readFields({ fields: { a: { v: 1, c: { t: T, c: 0, d: 'x' } }, b: { v: 2 } } })).toEqual({
      a: { v: 1, c: { t: T, c: 0, d: 'x' } },
    });
    expect(readFields(null)).toEqual({});
  });
});

describe('settings as fields', () => {
  it('round-trip, each role setting a field of its own', () => {
    const settings: Settings = {
      ...defaultSettings,
      desiredRetention: 0.85,
      roles: {
        rag: {
          enabled: true,
          newPerDay: 15,
          maxReviewsPerDay: 100,
          desiredRetention: null,
          interviewDate: '2026-02-01',
          catchUp: null,
          studyMore: null,
        },
      },
    };
    const fields = settingsToFields(settings);
    expect(fields['roles.rag.interviewDate']).toBe('2026-02-01');
    expect(settingsFromFields(fields, defaultSettings)).toEqual(settings);
  });

  it('an interview date set on one device and a limit changed on the other both survive', () => {
    const start: Settings = {
      ...defaultSettings,
      roles: { rag: { ...defaultSettings.roles.rag!, ...roleOf() } },
    };
    const base = stampEdits({}, settingsToFields(start), T, 'phone');
    const phone = stampEdits(
      base,
      settingsToFields({ ...start, roles: { rag: { ...roleOf(), interviewDate: '2026-03-01' } } }),
      T + 10,
      'phone',
    );
    const laptop = stampEdits(
      base,
      settingsToFields({ ...start, roles: { rag: { ...roleOf(), newPerDay: 25 } } }),
      T + 20,
      'laptop',
    );
    const merged = settingsFromFields(
      Object.fromEntries(Object.entries(mergeFields(phone, laptop)).map(([k, f]) => [k, f.v])),
      defaultSettings,
    );
    expect(merged.roles.rag).toMatchObject({ interviewDate: '2026-03-01', newPerDay: 25 });
  });
});

function roleOf() {
  return {
    enabled: true,
    newPerDay: 10,
    maxReviewsPerDay: 200,
    desiredRetention: null,
    interviewDate: null,
    catchUp: null,
    studyMore: null,
  };
}
