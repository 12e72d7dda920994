import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyLog,
  emptyRollup,
  freshToday,
  historyFromRollups,
  rollupKey,
  rollupsFromLogs,
} from './dayRollup';

const now = new Date(2026, 6, 10, 15).getTime();
const DAY = 86_400_000;
const logArb = fc.record({
  deckId: fc.constantFrom('rag', 'agent'),
  review: fc.integer({ min: now - 800 * DAY, max: now }),
  state: fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>,
  rating: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>,
  durationMs: fc.integer({ min: 0, max: 300_000 }),
});

describe('day rollups', () => {
  it('add up across roles: two roles give the sum of their histories', () => {
    fc.assert(
      fc.property(fc.array(logArb, { maxLength: 200 }), fc.integer({ min: 0, max: 23 }), (logs, rollover) => {
        const all = historyFromRollups(rollupsFromLogs(logs, rollover), now, rollover);
        const per = ['rag', 'agent'].map((id) =>
          historyFromRollups(
            rollupsFromLogs(
              logs.filter((l) => l.deckId === id),
              rollover,
            ),
            now,
            rollover,
          ),
        );
        expect(all.totalReviews).toBe(per[0]!.totalReviews + per[1]!.totalReviews);
        expect(all.days.map((d) => d.count)).toEqual(
          per[0]!.days.map((d, i) => d.count + per[1]!.days[i]!.count),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('undo takes a review back out exactly', () => {
    const log = { deckId: 'rag', review: now, state: 2 as const, rating: 1 as const, durationMs: 1234 };
    const { deckId, day } = rollupKey(log, 4);
    const row = applyLog(emptyRollup(deckId, day), log, 1);
    expect(row).toMatchObject({ count: 1, timeMs: 1234, mature: 1, maturePass: 0, fresh: 0 });
    expect(applyLog(row, log, -1)).toEqual(emptyRollup(deckId, day));
  });

  it('counts the new cards introduced today', () => {
    const logs = [
      { deckId: 'rag', review: now - 1000, state: 0 as const, rating: 3 as const, durationMs: 1 },
      { deckId: 'rag', review: now - DAY, state: 0 as const, rating: 3 as const, durationMs: 1 },
      { deckId: 'rag', review: now - 2000, state: 2 as const, rating: 3 as const, durationMs: 1 },
    ];
    expect(freshToday(rollupsFromLogs(logs, 4), now, 4)).toBe(1);
  });
});
