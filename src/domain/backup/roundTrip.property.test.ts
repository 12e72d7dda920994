import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../import/safeJson';
import { ImplausibleClockError, newState, Scheduler } from '../scheduling/scheduler';
import type { Rating, ReviewLog, SchedState } from '../scheduling/types';
import { MAX_CLOCK, MIN_TIME } from '../scheduling/valid';
import { BOUNDS } from '../settings/bounds';
import { settingsIssues } from '../settings/schema';
import { defaultSettings, type Settings } from '../settings/settings';
import { backupToString } from './format';
import { validateBackup } from './validate';

const step = fc
  .tuple(fc.constantFrom('m', 'h', 'd'), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([unit, f]) => {
    const max = { m: 1_440, h: 24, d: 1 }[unit]!;
    const min = { m: 1, h: 1 / 60, d: 1 / 1_440 }[unit]!;
    // The form's steps have at most three decimals, and stay within a minute and a day.
    const value = Math.min(
      max,
      Math.max(Math.ceil(min * 1000) / 1000, Math.round((min + f * (max - min)) * 1000) / 1000),
    );
    return `${value}${unit}`;
  });
const steps = fc.array(step, { maxLength: BOUNDS.steps.max });

/** Any settings the settings screen and role form accept. */
const settings: fc.Arbitrary<Settings> = fc.record({
  ...Object.fromEntries(Object.entries(defaultSettings).map(([k, v]) => [k, fc.constant(v)])),
  rolloverHour: fc.integer(BOUNDS.rolloverHour),
  desiredRetention: fc.double({ ...BOUNDS.desiredRetention, noNaN: true }),
  learningSteps: steps,
  relearningSteps: steps,
  fuzz: fc.boolean(),
  maximumInterval: fc.integer(BOUNDS.maximumInterval),
}) as fc.Arbitrary<Settings>;

/** Any clock: mostly plausible (in any order, back and forth), sometimes not at all. */
const clock = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: MIN_TIME, max: MAX_CLOCK - 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: -8.64e15, max: 8.64e15 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, Date.UTC(1999, 0, 1), Date.UTC(2250, 0, 1), MAX_CLOCK) },
);
const reviews = fc.array(
  fc.record({
    card: fc.integer({ min: 0, max: 3 }),
    rating: fc.constantFrom<Rating>(1, 2, 3, 4),
    now: clock,
    ms: fc.integer({ min: 0, max: 10 * 60_000 }),
  }),
  { maxLength: 40 },
);

describe('what the scheduler writes, a backup restores', () => {
  it('any accepted settings, clock values and ratings give data that round-trips through a backup', () => {
    fc.assert(
      fc.property(settings, reviews, (s, answers) => {
        expect(settingsIssues(s)).toEqual([]);
        const scheduler = new Scheduler({
          desiredRetention: s.desiredRetention,
          learningSteps: s.learningSteps,
          relearningSteps: s.relearningSteps,
          fuzz: s.fuzz,
          maximumInterval: s.maximumInterval,
        });
        const states: SchedState[] = ['a', 'b', 'c', 'd'].map((id, i) => newState(`d.${id}`, 'd', i));
        const logs: ReviewLog[] = [];
        answers.forEach(({ card, rating, now, ms }, i) => {
          try {
            const { next, log } = scheduler.answer(states[card]!, rating, now, ms, `log-${i}`);
            states[card] = next;
            logs.push(log);
          } catch (error) {
            // The only refusal: a clock no review can have been made at.
            expect(error).toBeInstanceOf(ImplausibleClockError);
            expect(now >= MIN_TIME && now < MAX_CLOCK).toBe(false);
          }
        });
        const data = { createdAt: MIN_TIME, settings: { settings: s }, decks: [], states, logs };
        const text = backupToString(data);
        const json = parseJson(text);
        expect(json.ok && validateBackup(json.value, text)).toEqual({ ok: true, value: data, warnings: [] });
      }),
      { numRuns: 300 },
    );
  });
});
