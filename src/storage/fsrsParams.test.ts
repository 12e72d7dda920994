import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { userSettings } from './backup/collect';
import { loadFsrsParams, recordOptimization, resetFsrsParams } from './fsrsParams';
import { freshDb } from './testing';

const fitted = default_w.map((v, i) => (i === 0 ? 0.1 : v));
const worse = { logLoss: 0.5, rmseBins: 0.09, reviews: 800 };
const better = { logLoss: 0.4, rmseBins: 0.04, reviews: 800 };

describe('stored FSRS parameters', () => {
  it('keeps fitted parameters only when they beat the ones in use, with every run in the history', async () => {
    const db = freshDb();
    expect(await loadFsrsParams(db)).toEqual({});
    await recordOptimization(db, 'rag', 1_800_000_000_000, fitted, worse, better);
    await recordOptimization(db, 'rag', 1_800_000_100_000, [...default_w], better, worse);
    const stored = await loadFsrsParams(db);
    expect(stored.rag!.w).toEqual(fitted);
    expect(stored.rag!.history.map((h) => h.adopted)).toEqual([true, false]);
    await resetFsrsParams(db, 'rag', 1_800_000_200_000);
    expect((await loadFsrsParams(db)).rag!.w).toBeNull();
    expect((await userSettings(db)).fsrsParams).toEqual(await loadFsrsParams(db));
  });

  it('refuses parameters out of range, writing nothing', async () => {
    const db = freshDb();
    const bad = fitted.map((v, i) => (i === 4 ? 50 : v));
    await expect(recordOptimization(db, 'rag', 1_800_000_000_000, bad, worse, better)).rejects.toThrow(
      /between 1 and 10/,
    );
    expect(await db.settings.get('fsrsParams')).toBeUndefined();
  });

  it('reads a damaged stored value as no parameters', async () => {
    const db = freshDb();
    await db.settings.put({ key: 'fsrsParams', value: { rag: { w: 'x', history: [] } } });
    expect(await loadFsrsParams(db)).toEqual({});
  });
});
