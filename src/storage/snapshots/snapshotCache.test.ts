import { afterEach, describe, expect, it, vi } from 'vitest';
import { newState } from '../../domain/scheduling/newState';
import { SnapshotCache } from './snapshotCache';
import { packSnapshot } from './stateSnapshot';

const snap = packSnapshot('rag', [{ state: newState('rag.c0', 'rag', 0), topic: 't' }]);
const MIN = 60_000;

describe('SnapshotCache', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets go of what it holds after ten minutes without a load, not while loads keep coming', async () => {
    vi.useFakeTimers();
    const cache = new SnapshotCache();
    await cache.inTurn(async () => cache.set('rag', 1, snap));
    for (let i = 0; i < 3; i++) {
      vi.advanceTimersByTime(9 * MIN);
      await cache.inTurn(async () => expect(cache.get('rag', 1)?.snap).toBe(snap));
    }
    vi.advanceTimersByTime(10 * MIN);
    expect(cache.get('rag', 1)).toBeUndefined();
  });

  it('answers requests for the same roles that wait behind a running load with one read, started after both', async () => {
    const cache = new SnapshotCache();
    let finishCold!: (value: string) => void;
    const coldRead = new Promise<string>((resolve) => (finishCold = resolve));
    const cold = cache.inTurn(() => coldRead, '*');
    await Promise.resolve(); // the cold read has begun
    const reads: string[] = [];
    const read = (name: string) => async () => (reads.push(name), name);
    const glance = cache.inTurn(read('glance'), '*');
    const stats = cache.inTurn(read('stats'), '*');
    const oneRole = cache.inTurn(read('rag'), 'rag');
    expect(reads).toEqual([]);
    finishCold('cold');
    expect(await Promise.all([cold, glance, stats, oneRole])).toEqual(['cold', 'glance', 'glance', 'rag']);
    expect(reads).toEqual(['glance', 'rag']);
    // A request after the shared load started reads again: it may follow a write that load missed.
    expect(await cache.inTurn(read('later'), '*')).toBe('later');
  });

  it('hands back only the version it holds', () => {
    const cache = new SnapshotCache();
    cache.set('rag', 1, snap, 5);
    expect(cache.get('rag', 1)).toEqual({ version: 1, snap: snap, covered: 5 });
    expect(cache.get('rag', 2)).toBeUndefined();
    expect(cache.get('rag', undefined)).toBeUndefined();
  });
});
