import { describe, expect, it } from 'vitest';
import { suggestRating, tallyOf } from './keyPoints';

describe('suggestRating', () => {
  it('suggests Good when every key point was said, Hard when one was missed, Again otherwise', () => {
    expect(suggestRating({ hit: 4, total: 4 })).toBe(3);
    expect(suggestRating({ hit: 3, total: 4 })).toBe(2);
    expect(suggestRating({ hit: 2, total: 4 })).toBe(1);
    expect(suggestRating({ hit: 0, total: 3 })).toBe(1);
    expect(suggestRating({ hit: 2, total: 3 })).toBe(2);
  });

  it('never suggests Easy', () => {
    for (let total = 1; total <= 5; total++)
      for (let hit = 0; hit <= total; hit++) expect(suggestRating({ hit, total })).not.toBe(4);
  });
});

describe('tallyOf', () => {
  it('counts each ticked key point once and ignores ticks past the end', () => {
    expect(tallyOf([0, 2, 2, 7], 3)).toEqual({ hit: 2, total: 3 });
  });
});
