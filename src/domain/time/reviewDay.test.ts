import { describe, expect, it } from 'vitest';
import { endOfReviewDay, reviewDayNumber, startOfReviewDay } from './reviewDay';

const at = (d: number, h: number, m = 0) => new Date(2026, 0, d, h, m).getTime();

describe('review day with a 4:00 rollover', () => {
  it('counts 03:59 as the previous day and 04:00 as the new one', () => {
    expect(startOfReviewDay(at(15, 3, 59), 4)).toBe(at(14, 4));
    expect(startOfReviewDay(at(15, 4, 0), 4)).toBe(at(15, 4));
    expect(reviewDayNumber(at(15, 3, 59), 4)).toBe(reviewDayNumber(at(14, 23), 4));
    expect(reviewDayNumber(at(15, 4), 4)).toBe(reviewDayNumber(at(14, 23), 4) + 1);
  });

  it('ends the day at the next rollover', () => {
    expect(endOfReviewDay(at(15, 23, 30), 4)).toBe(at(16, 4));
    expect(endOfReviewDay(at(16, 2), 4)).toBe(at(16, 4));
  });

  it('uses midnight when the rollover hour is 0', () => {
    expect(startOfReviewDay(at(15, 0, 1), 0)).toBe(at(15, 0));
  });
});
