import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../time/reviewDay';
import { recallAfter, recallCurve } from './recall';

describe('recallCurve', () => {
  it("gives ts-fsrs's forgetting curve exactly, as recallAfter does, for every decay", () => {
    const stabilities = [-1, 0, 1e-3, 0.1, 0.5, 1, 2.3, 7, 30, 365.25, 4000];
    const elapsed = [-DAY_MS, 0, 1, 60_000, DAY_MS / 3, DAY_MS, 5.5 * DAY_MS, 100 * DAY_MS, 3650 * DAY_MS];
    for (const decay of [0.1542, 0.5, 0.8]) {
      const after = recallCurve(decay);
      for (const s of stabilities)
        for (const ms of elapsed) expect(after(s, ms)).toBe(recallAfter(s, ms, decay));
    }
    expect(recallCurve()(3, DAY_MS)).toBe(recallAfter(3, DAY_MS));
  });
});
