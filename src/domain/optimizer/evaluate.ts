import { FSRSAlgorithm, generatorParameters, type FSRSState } from 'ts-fsrs';
import type { CardHistory } from './trainingItems';

/** How well a parameter set predicts a history: the figures Anki shows. */
export interface Scores {
  /** Mean log loss (binary cross-entropy) of the predicted recall over the counted reviews. */
  logLoss: number;
  /** RMSE of the predicted against the actual recall rate, over bins of similar reviews. */
  rmseBins: number;
  /** The reviews scored. */
  reviews: number;
}

const EPS = 1e-7;

// Bins as in the FSRS benchmark's RMSE (bins): interval, reviews so far and lapses so far.
const binOf = (deltaT: number, n: number, lapses: number): string => {
  const t = Math.round(2.48 * Math.pow(3.62, Math.floor(Math.log(deltaT) / Math.log(3.62))) * 100) / 100;
  const r = Math.round(1.99 * Math.pow(1.89, Math.floor(Math.log(n) / Math.log(1.89))));
  return `${t}|${r}|${Math.min(lapses, 8)}`;
};

/**
 * Replays every card's reviews with the parameters `w` (FSRS-6, short-term memory on, as the app
 * schedules) and scores the predicted recall of each review made on a later day than the one before.
 */
export function evaluate(w: readonly number[] | undefined, histories: readonly CardHistory[]): Scores {
  const algorithm = new FSRSAlgorithm(
    generatorParameters({ w: w ? [...w] : undefined, enable_short_term: true }),
  );
  let loss = 0;
  let reviews = 0;
  const bins = new Map<string, { n: number; p: number; y: number }>();
  for (const history of histories) {
    let state: FSRSState | null = null;
    let longTerm = 0;
    let lapses = 0;
    for (let k = 0; k < history.length; k++) {
      const { rating, deltaT } = history[k]!;
      if (state && deltaT > 0) {
        const p = Math.min(1 - EPS, Math.max(EPS, algorithm.forgetting_curve(deltaT, state.stability)));
        const y = rating > 1 ? 1 : 0;
        loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
        reviews++;
        longTerm++;
        const key = binOf(deltaT, longTerm, lapses);
        const bin = bins.get(key) ?? { n: 0, p: 0, y: 0 };
        bin.n++;
        bin.p += p;
        bin.y += y;
        bins.set(key, bin);
        if (y === 0) lapses++;
      }
      state = algorithm.next_state(state, deltaT, rating);
    }
  }
  let squared = 0;
  for (const { n, p, y } of bins.values()) squared += n * ((p - y) / n) ** 2;
  return {
    logLoss: reviews ? loss / reviews : 0,
    rmseBins: reviews ? Math.sqrt(squared / reviews) : 0,
    reviews,
  };
}
