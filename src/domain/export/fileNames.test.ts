import { describe, expect, it } from 'vitest';
import { historyFileName } from './fileNames';

const day = (d: number, h = 0) => new Date(2026, 11, d, h).getTime();
const now = day(7, 10);

describe('history export file names', () => {
  it('names the days the file holds, each once, and the export day only when no range was chosen', () => {
    expect(historyFileName(null, { from: null, to: null }, now, 'csv')).toBe(
      'interview-recall-history-all-2026-12-07.csv',
    );
    // One day: from the start of Dec 6 up to (not including) Dec 7.
    expect(historyFileName(null, { from: day(6), to: day(7) }, now, 'csv')).toBe(
      'interview-recall-history-all-2026-12-06.csv',
    );
    expect(historyFileName('rag', { from: day(1), to: day(7) }, now, 'json')).toBe(
      'interview-recall-history-rag-2026-12-01-to-2026-12-06.json',
    );
    expect(historyFileName('rag', { from: day(1), to: null }, now, 'csv')).toBe(
      'interview-recall-history-rag-2026-12-01-to-2026-12-07.csv',
    );
    expect(historyFileName('rag', { from: null, to: day(7) }, now, 'csv')).toBe(
      'interview-recall-history-rag-to-2026-12-06.csv',
    );
  });
});
