// @vitest-environment node
import {
  computeParameters,
  FSRSBinding,
  FSRSBindingItem,
  FSRSBindingReview,
} from '@open-spaced-repetition/binding';
import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { isBetter } from './adopt';
import { evaluate } from './evaluate';
import { syntheticHistory } from './synthetic';
import { cardHistories, countedReviews, trainingArrays, type CardHistory } from './trainingItems';

// A learner who forgets faster than FSRS's defaults assume and finds the cards harder.
const TRUTH = [
  0.1, 0.5, 1.8, 6.0, 7.4, 0.6, 2.4, 0.05, 1.2, 0.15, 1.1, 1.6, 0.08, 0.4, 1.8, 0.3, 2.2, 0.5, 0.15, 0.1,
  0.35,
];

/** The official optimizer (the same fsrs-rs the browser runs as WebAssembly), built for Node. */
async function fit(histories: CardHistory[]): Promise<number[]> {
  const { ratings, deltaTs, lengths } = trainingArrays(histories);
  const items: FSRSBindingItem[] = [];
  let c = 0;
  for (const n of lengths) {
    const reviews: FSRSBindingReview[] = [];
    for (let k = 0; k < n; k++, c++) reviews.push(new FSRSBindingReview(ratings[c]!, deltaTs[c]!));
    items.push(new FSRSBindingItem(reviews));
  }
  return computeParameters(items, { enableShortTerm: true, numRelearningSteps: 1 });
}

describe('training on a synthetic history', () => {
  const { logs } = syntheticHistory({
    seed: 7,
    cards: 400,
    days: 240,
    truth: TRUTH,
    start: Date.UTC(2025, 0, 1),
  });
  const histories = cardHistories(logs, 4);

  it('fits parameters that predict the history better than the defaults, and they are adopted', async () => {
    expect(countedReviews(histories)).toBeGreaterThan(1500);
    const w = await fit(histories);
    expect(w).toHaveLength(21);
    const defaults = evaluate(undefined, histories);
    const fitted = evaluate(w, histories);
    const truth = evaluate(TRUTH, histories);
    expect(fitted.logLoss).toBeLessThan(defaults.logLoss);
    expect(fitted.logLoss - truth.logLoss).toBeLessThan((defaults.logLoss - truth.logLoss) / 2);
    expect(isBetter(fitted, defaults)).toBe(true);
  }, 60_000);

  it('scores parameters as the official optimizer does (log loss)', () => {
    const items: FSRSBindingItem[] = [];
    for (const h of histories)
      for (let k = 2; k <= h.length; k++)
        if (h[k - 1]!.deltaT > 0)
          items.push(
            new FSRSBindingItem(h.slice(0, k).map((r) => new FSRSBindingReview(r.rating, r.deltaT))),
          );
    const official = new FSRSBinding([...default_w]).evaluate(items);
    const ours = evaluate(undefined, histories);
    expect(ours.logLoss).toBeCloseTo(official.logLoss, 2);
    expect(Math.abs(ours.rmseBins - official.rmseBins)).toBeLessThan(0.02);
  });
});
