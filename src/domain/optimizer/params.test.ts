import fc from 'fast-check';
import { CLAMP_PARAMETERS, default_w, W17_W18_Ceiling } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { isBetter, optimizationEntry, withinPercent } from './adopt';
import type { Scores } from './evaluate';
import { fsrsParamsSchema } from './paramsSchema';
import {
  areValidWeights,
  fromEngine,
  readParams,
  GLOBAL_SCOPE,
  PARAM_BOUNDS,
  HISTORY_LIMIT,
  weightsFor,
  withEntry,
  type FsrsParams,
} from './params';

const scores = fc.record({
  logLoss: fc.double({ min: 0.01, max: 2, noNaN: true }),
  rmseBins: fc.double({ min: 0, max: 0.5, noNaN: true }),
  reviews: fc.integer({ min: 1, max: 100_000 }),
});
const w = [...default_w];
const fitted = w.map((v, i) => (i === 0 ? v * 0.5 : v));

describe('adopt only if better', () => {
  it('never adopts parameters with a log loss no lower than the current ones', () => {
    fc.assert(
      fc.property(scores, scores, (before, candidate) => {
        const entry = optimizationEntry(1_800_000_000_000, fitted, before, candidate);
        if (candidate.logLoss >= before.logLoss) expect(entry.adopted).toBe(false);
        const next = withEntry({}, 'rag', entry);
        expect(next.rag!.w).toEqual(entry.adopted ? fitted : null);
      }),
    );
  });

  it('adopts lower log loss with binned recall as close or closer, and keeps the old parameters otherwise', () => {
    const before: Scores = { logLoss: 0.4, rmseBins: 0.05, reviews: 900 };
    expect(isBetter({ logLoss: 0.35, rmseBins: 0.04, reviews: 900 }, before)).toBe(true);
    expect(isBetter({ logLoss: 0.35, rmseBins: 0.08, reviews: 900 }, before)).toBe(false);
    const first = withEntry(
      {},
      'rag',
      optimizationEntry(1, fitted, before, { logLoss: 0.3, rmseBins: 0.02, reviews: 900 }),
    );
    const second = withEntry(
      first,
      'rag',
      optimizationEntry(2, w, before, { logLoss: 0.5, rmseBins: 0.1, reviews: 900 }),
    );
    expect(second.rag!.w).toEqual(fitted);
    expect(second.rag!.history.map((h) => [h.at, h.adopted])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('"back to defaults" clears the scope’s parameters and is recorded; a role falls back to the global ones', () => {
    let params: FsrsParams = withEntry(
      {},
      GLOBAL_SCOPE,
      optimizationEntry(
        1,
        fitted,
        { logLoss: 1, rmseBins: 0.2, reviews: 5 },
        { logLoss: 0.5, rmseBins: 0.1, reviews: 5 },
      ),
    );
    params = withEntry(
      params,
      'rag',
      optimizationEntry(
        2,
        w,
        { logLoss: 1, rmseBins: 0.2, reviews: 5 },
        { logLoss: 0.5, rmseBins: 0.1, reviews: 5 },
      ),
    );
    expect(weightsFor(params, 'rag')).toEqual(w);
    params = withEntry(params, 'rag', {
      at: 3,
      kind: 'defaults',
      reviews: 0,
      before: null,
      fitted: null,
      w: null,
      adopted: false,
    });
    expect(weightsFor(params, 'rag')).toEqual(fitted);
    expect(weightsFor(params, 'agent')).toEqual(fitted);
    expect(params.rag!.history).toHaveLength(2);
    expect(weightsFor({}, 'rag')).toBeUndefined();
  });

  it('keeps the newest entries when the history is full', () => {
    let params: FsrsParams = {};
    for (let i = 0; i < HISTORY_LIMIT + 5; i++)
      params = withEntry(params, 'rag', {
        at: i,
        kind: 'defaults',
        reviews: 0,
        before: null,
        fitted: null,
        w: null,
        adopted: false,
      });
    expect(params.rag!.history).toHaveLength(HISTORY_LIMIT);
    expect(params.rag!.history[0]!.at).toBe(5);
  });

  it('says how close the predictions are as a percentage', () => {
    expect(withinPercent({ logLoss: 0.3, rmseBins: 0.0437, reviews: 1 })).toBe(4.4);
  });
});

describe('parameters from fsrs-rs', () => {
  it('are valid when training held one at a bound that 32-bit floats cannot hold exactly', () => {
    // As fsrs-rs returns them (Float32Array): w9 and w20 clamped to 0.8, w19 to 0.01.
    const trained = Float32Array.from(default_w);
    trained[9] = 0.8;
    trained[19] = 0.01;
    trained[20] = 0.8;
    expect(areValidWeights(Array.from(trained))).toBe(false);
    const w = fromEngine(trained);
    expect(areValidWeights(w)).toBe(true);
    expect(fsrsParamsSchema.safeParse({ global: { w, history: [] } }).success).toBe(true);
    expect([w[9], w[19], w[20]]).toEqual([0.8, 0.01, 0.8]);
    // Every other parameter is the trained value, unchanged.
    expect(w.filter((_, i) => ![9, 19, 20].includes(i))).toEqual(
      Array.from(trained).filter((_, i) => ![9, 19, 20].includes(i)),
    );
  });

  it('still fail the check when one is out of range by more than 32-bit rounding', () => {
    const trained = Float32Array.from(default_w);
    trained[20] = 0.81;
    expect(areValidWeights(fromEngine(trained))).toBe(false);
  });
});

describe('fsrsParamsSchema', () => {
  it('bounds each parameter as ts-fsrs does', () => {
    expect(PARAM_BOUNDS).toEqual(CLAMP_PARAMETERS(W17_W18_Ceiling, true));
  });

  it('accepts what the app writes and names the parameter out of range', () => {
    const params = withEntry(
      {},
      'rag',
      optimizationEntry(
        1_800_000_000_000,
        fitted,
        { logLoss: 1, rmseBins: 0.2, reviews: 5 },
        { logLoss: 0.5, rmseBins: 0.1, reviews: 5 },
      ),
    );
    expect(fsrsParamsSchema.safeParse(params).success).toBe(true);
    const bad = { rag: { w: w.map((v, i) => (i === 4 ? 99 : v)), history: [] } };
    const result = fsrsParamsSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['rag', 'w', 4]);
    expect(result.error!.issues[0]!.message).toBe('must be between 1 and 10');
    expect(fsrsParamsSchema.safeParse({ rag: { w: [1, 2, 3], history: [] } }).success).toBe(false);
  });
});

describe('readParams (the boot-time read, without zod)', () => {
  it('keeps what the schema accepts and drops a scope whose parameters it refuses', () => {
    const good = { rag: { w: [...default_w], history: [] }, [GLOBAL_SCOPE]: { w: null, history: [] } };
    expect(fsrsParamsSchema.safeParse(good).success).toBe(true);
    expect(readParams(good)).toEqual(good);
    const bad = { ...good, agent: { w: [...default_w.slice(0, 20), 99], history: [] } };
    expect(areValidWeights(bad.agent.w)).toBe(false);
    expect(readParams(bad)).toEqual(good);
    expect(readParams('nonsense')).toEqual({});
  });
});
