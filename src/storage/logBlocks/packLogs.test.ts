import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReviewLog } from '../../domain/scheduling/types';
import { LOG_FIELDS, packLogs, unpackLogs } from './packLogs';

const anyNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE),
);

const logArb = (deckId: string): fc.Arbitrary<ReviewLog> =>
  fc
    .record({
      id: fc.string(),
      cardId: fc.string(),
      rating: fc.integer({ min: 1, max: 4 }),
      state: fc.integer({ min: 0, max: 3 }),
      due: anyNumber,
      stability: anyNumber,
      difficulty: anyNumber,
      elapsedDays: anyNumber,
      lastElapsedDays: anyNumber,
      scheduledDays: anyNumber,
      learningSteps: anyNumber,
      review: anyNumber,
      durationMs: anyNumber,
      keyPoints: fc.option(
        fc
          .integer({ min: 1, max: 5 })
          .chain((total) => fc.tuple(fc.integer({ min: 0, max: total }), fc.constant(total))),
      ),
    })
    .map((r) => {
      const log = Object.fromEntries(
        LOG_FIELDS.map((f) => [f, f === 'deckId' ? deckId : r[f]]),
      ) as unknown as ReviewLog;
      if (r.keyPoints) [log.keyPointsHit, log.keyPointsTotal] = r.keyPoints;
      return log;
    });

const log = (over: Partial<ReviewLog> = {}): ReviewLog => ({
  id: 'l1',
  cardId: 'rag.x',
  deckId: 'rag',
  rating: 3,
  state: 2,
  due: 1,
  stability: 2.5,
  difficulty: 5.1,
  elapsedDays: 3,
  lastElapsedDays: 1,
  scheduledDays: 4,
  learningSteps: 0,
  review: 1_770_000_000_123,
  durationMs: 4321,
  ...over,
});

describe('log blocks: packing', () => {
  it('gives back exactly the logs packed: values (even -0 and NaN), field order and log order', () => {
    fc.assert(
      fc.property(fc.array(logArb('rag'), { maxLength: 40 }), (logs) => {
        const block = packLogs('rag', 24_315, logs);
        expect(block).not.toBeNull();
        expect(block!.count).toBe(logs.length);
        const back = unpackLogs(block!);
        expect(back).toEqual(logs);
        back.forEach((l, i) => {
          expect(Object.keys(l)).toEqual(Object.keys(logs[i]!));
          for (const f of LOG_FIELDS) expect(Object.is(l[f], logs[i]![f])).toBe(true);
        });
        expect(JSON.stringify(back)).toBe(JSON.stringify(logs));
      }),
    );
  });

  it('survives IndexedDB’s structured clone', () => {
    const logs = [log(), log({ id: 'l2', review: 1_770_000_000_124, durationMs: 0.5 })];
    expect(unpackLogs(structuredClone(packLogs('rag', 1, logs)!))).toEqual(logs);
  });

  it('refuses logs it could not give back exactly', () => {
    const misfits: ReviewLog[] = [
      log({ deckId: 'other' }),
      log({ rating: 300 as never }),
      log({ state: -1 as never }),
      log({ stability: '2' as never }),
      { ...log(), extra: true } as ReviewLog,
      Object.fromEntries([['cardId', 'rag.x'], ...Object.entries(log())]) as unknown as ReviewLog,
    ];
    for (const bad of misfits) expect(packLogs('rag', 1, [log(), bad])).toBeNull();
    const { durationMs: _gone, ...missing } = log();
    expect(packLogs('rag', 1, [missing as ReviewLog])).toBeNull();
  });
});
