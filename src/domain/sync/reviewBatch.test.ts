import { describe, expect, it } from 'vitest';
import { newState, Scheduler } from '../scheduling/scheduler';
import type { ReviewLog } from '../scheduling/types';
import { batchId, batchSeqOf, MAX_REVIEWS_PER_BATCH, readReviewBatch, reviewBatches } from './reviewBatch';

const scheduler = new Scheduler({
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  fuzz: false,
  maximumInterval: 36_500,
});
const T0 = Date.UTC(2026, 0, 5, 9);

const logs = (n: number): ReviewLog[] =>
  Array.from({ length: n }, (_, i) => {
    const log = scheduler.answer(newState(`rag.c${i}`, 'rag', i), 3, T0 + i * 1000, 4000, `id-${i}`).log;
    return i % 2 ? { ...log, keyPointsHit: 2, keyPointsTotal: 3 } : log;
  });

describe('review batches', () => {
  it('carry every field of every review, and read back as they were', () => {
    const written = logs(3);
    const [doc] = reviewBatches('dev1', 7, written);
    expect(doc!._id).toBe('reviews:dev1:0000000007');
    const read = readReviewBatch(JSON.parse(JSON.stringify(doc)));
    expect(read).toEqual({ reviews: written, skipped: 0 });
  });

  it('split a large push into numbered documents of at most MAX_REVIEWS_PER_BATCH', () => {
    const docs = reviewBatches('dev1', 1, logs(MAX_REVIEWS_PER_BATCH + 2));
    expect(docs.map((d) => [d._id, d.rows.length])).toEqual([
      [batchId('dev1', 1), MAX_REVIEWS_PER_BATCH],
      [batchId('dev1', 2), 2],
    ]);
  });

  it('leave out a row that is not a review this app can store, keeping the rest', () => {
    const [doc] = reviewBatches('dev1', 1, logs(2));
    doc!.rows[0]![3] = 9; // rating 9
    const read = readReviewBatch(doc);
    expect(read?.skipped).toBe(1);
    expect(read?.reviews.map((l) => l.id)).toEqual(['id-1']);
  });

  it('say by their id which device pushed them, and with which number', () => {
    expect(batchSeqOf(batchId('dev1', 7), 'dev1')).toBe(7);
    expect(batchSeqOf(batchId('dev1', 12_345_678_901), 'dev1')).toBe(12_345_678_901);
    expect(batchSeqOf(batchId('dev12', 7), 'dev1')).toBeNull();
    expect(batchSeqOf(batchId('dev1', 7), 'dev12')).toBeNull();
    expect(batchSeqOf('undone:dev1:0000000007', 'dev1')).toBeNull();
    expect(batchSeqOf('reviews:dev1:7', 'dev1')).toBeNull();
  });

  it('are told apart from other documents', () => {
    expect(readReviewBatch({ _id: 'settings', kind: 'settings' })).toBeNull();
    expect(readReviewBatch(null)).toBeNull();
  });
});
