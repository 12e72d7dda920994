import { describe, expect, it } from 'vitest';
import { newState } from '../scheduling/scheduler';
import { CardState, type SchedState } from '../scheduling/types';
import { historyFromRollups, rollupsFromLogs } from './dayRollup';
import { streaks, type LogLite } from './history';
import { daysLeft } from '../time/calendarDate';
import { projectReadiness } from './projection';
import { readiness } from './readiness';
import { distributions, dueForecast, stateCounts } from './schedule';

const DAY = 86_400_000;
const at = (d: number, h: number, m = 0) => new Date(2026, 8, d, h, m).getTime();
const now = at(15, 12);

/** A review card last seen `ago` days before now with stability `s` (days). */
const studied = (id: string, s: number, ago: number, extra: Partial<SchedState> = {}): SchedState => ({
  ...newState(id, 'rag', 0),
  state: CardState.Review,
  stability: s,
  difficulty: 5,
  lastReview: now - ago * DAY,
  due: now - ago * DAY + s * DAY,
  reps: 3,
  ...extra,
});

describe('readiness', () => {
  it('averages predicted recall with never-studied cards as 0, and leaves retired cards out', () => {
    // FSRS defines stability as the time for recall to fall to 90%: seen S days ago → 0.9; seen now → 1.
    const states = [
      newState('rag.new', 'rag', 0),
      studied('rag.fresh', 10, 0),
      studied('rag.s', 4, 4),
      { ...studied('rag.old', 1, 100), hidden: 'retired' as const },
    ];
    const r = readiness(states, now);
    expect(r.cards).toBe(3);
    expect(r.studied).toBe(2);
    expect(r.coverage).toBeCloseTo(2 / 3, 10);
    expect(r.readiness).toBeCloseTo((0 + 1 + 0.9) / 3, 6);
    expect(r.recallStudied).toBeCloseTo(0.95, 6);
  });
});

/** History as the app computes it: logs → day rollups → history. */
const history = (logs: LogLite[], at: number, rollover: number) =>
  historyFromRollups(
    rollupsFromLogs(
      logs.map((l) => ({ ...l, deckId: 'rag' })),
      rollover,
    ),
    at,
    rollover,
  );

describe('history', () => {
  const log = (time: number, state: CardState, rating: 1 | 2 | 3 | 4, durationMs = 1000): LogLite => ({
    review: time,
    state,
    rating,
    durationMs,
  });

  it('computes true retention over Review-state reviews only, per window', () => {
    const logs = [
      log(at(15, 9), CardState.Review, 3),
      log(at(15, 10), CardState.Review, 1),
      log(at(15, 11), CardState.New, 1), // not a review of a Review card: ignored
      log(at(12, 9), CardState.Review, 4),
      log(at(1, 9), CardState.Review, 1),
    ];
    const h = history(logs, now, 4);
    expect(h.trueRetention.today).toBe(1 / 2);
    expect(h.trueRetention.d7).toBe(2 / 3);
    expect(h.trueRetention.d30).toBe(2 / 4);
    expect(h.totalReviews).toBe(5);
  });

  it('counts a review at 03:00 as the previous day (rollover 4:00), with its time spent', () => {
    const h = history(
      [log(at(15, 3), CardState.New, 3, 2500), log(at(14, 20), CardState.New, 3, 500)],
      now,
      4,
    );
    expect(h.days.at(-1)).toMatchObject({ count: 0, timeMs: 0 });
    expect(h.days.at(-2)).toMatchObject({ count: 2, timeMs: 3000 });
    expect(h.days).toHaveLength(365);
  });

  it('keeps the current streak alive until today ends, and finds the longest', () => {
    expect(streaks(new Set([100, 99, 98, 95, 94, 93, 92]), 100)).toEqual({ current: 3, longest: 4 });
    expect(streaks(new Set([99, 98]), 100)).toEqual({ current: 2, longest: 2 });
    expect(streaks(new Set([97]), 100)).toEqual({ current: 0, longest: 1 });
  });
});

describe('schedule', () => {
  it('forecasts due cards per review day, overdue counting today', () => {
    const states = [
      studied('rag.over', 1, 5),
      { ...studied('rag.tomorrow', 1, 0), due: at(16, 10) },
      { ...studied('rag.early', 1, 0), due: at(17, 3) }, // before the 4:00 rollover: still the 16th
      { ...studied('rag.far', 1, 0), due: at(15, 12) + 40 * DAY },
      newState('rag.new', 'rag', 0),
    ];
    const f = dueForecast(states, now, 4);
    expect(f.slice(0, 3)).toEqual([1, 2, 0]);
    expect(f.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('counts states and buckets stability, difficulty and recall', () => {
    const states = [
      newState('rag.n', 'rag', 0),
      studied('rag.a', 5, 5, { difficulty: 2.5 }),
      studied('rag.b', 200, 0, { state: CardState.Relearning, difficulty: 9.5 }),
      { ...studied('rag.c', 1, 0), hidden: 'suspended' as const },
      { ...studied('rag.d', 1, 0), hidden: 'retired' as const },
    ];
    expect(stateCounts(states)).toEqual({
      new: 1,
      learning: 0,
      review: 1,
      relearning: 1,
      suspended: 1,
      buried: 0,
      retired: 1,
      leeches: 0,
    });
    const d = distributions(states, now);
    expect(d.stability.find((b) => b.from === 3)?.count).toBe(1);
    expect(d.stability.find((b) => b.from === 90)?.count).toBe(1);
    expect(d.difficulty.find((b) => b.from === 2)?.count).toBe(1);
    expect(d.difficulty.find((b) => b.from === 9)?.count).toBe(1);
    expect(d.retrievability.find((b) => b.from === 0.9)?.count).toBe(3);
  });
});

describe('interview projection', () => {
  it('counts review days left, today included and the interview day not', () => {
    expect(daysLeft('2026-09-20', now, 4)).toBe(5);
    expect(daysLeft('2026-09-15', now, 4)).toBe(0);
    expect(daysLeft('2026-02-30', now, 4)).toBeNull();
  });

  it('says how many new cards a day it takes to see every card, and whether the limit is enough', () => {
    const states = [
      ...Array.from({ length: 12 }, (_, i) => newState(`rag.n${i}`, 'rag', i)),
      studied('rag.s', 30, 1),
    ];
    const p = projectReadiness(states, {
      interviewDate: '2026-09-20',
      now,
      rolloverHour: 4,
      desiredRetention: 0.9,
      newPerDay: 2,
      newDoneToday: 0,
    })!;
    expect(p.daysLeft).toBe(5);
    expect(p.newRemaining).toBe(12);
    expect(p.newPerDayNeeded).toBe(3);
    expect(p.limitEnough).toBe(false);
    // Stopping now leaves the 12 unseen cards at 0; keeping on adds 10 of them (2 a day for 5 days).
    expect(p.ifStopNow).toBeLessThan(1 / 13);
    expect(p.ifKeepGoing).toBeGreaterThan(p.ifStopNow + (9 * 0.8) / 13);
    expect(p.ifKeepGoing).toBeLessThan(11 / 13);
  });

  it('keeps recall up when reviews happen on time, compared with stopping', () => {
    const states = [studied('rag.a', 2, 2), studied('rag.b', 3, 1)];
    const input = {
      interviewDate: '2026-10-15',
      now,
      rolloverHour: 4,
      desiredRetention: 0.9,
      newPerDay: 5,
      newDoneToday: 0,
    };
    const p = projectReadiness(states, input)!;
    expect(p.ifKeepGoing).toBeGreaterThan(0.85);
    expect(p.ifStopNow).toBeLessThan(0.75);
    expect(projectReadiness(states, { ...input, interviewDate: '2026-09-01' })).toBeNull();
  });
});
