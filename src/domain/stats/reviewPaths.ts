import { Rating, type FSRSAlgorithm } from 'ts-fsrs';
import { DAY_MS } from '../time/reviewDay';

/** A card's memory as the projection follows it: FSRS state, last review and next due (epoch ms). */
export interface Memory {
  stability: number;
  difficulty: number;
  last: number;
  due: number;
}

/** What one simulated future of a card came to. */
export interface PathOutcome {
  /** Predicted recall at the end of the path. */
  recall: number;
  /** Reviews the path held, and how many of them were forgotten. */
  reviews: number;
  forgotten: number;
}

const MAX_STEPS = 60;

/** A seeded random source in [0, 1) (mulberry32): the same seed, the same projection. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One possible future of a card reviewed on each of its due dates until `until`: each review is
 * recalled with the probability FSRS predicts for it (then answered Good), or forgotten (Again) and
 * relearned the same day (a same-day Good, as the relearning step). `random` draws the outcomes.
 */
export function followCard(
  f: FSRSAlgorithm,
  memory: Memory,
  until: number,
  random: () => number,
): PathOutcome {
  let { stability, difficulty, last, due } = memory;
  let reviews = 0;
  let forgotten = 0;
  for (let i = 0; i < MAX_STEPS && due < until; i++) {
    const elapsed = (due - last) / DAY_MS;
    reviews++;
    let next;
    if (random() < f.forgetting_curve(elapsed, stability)) {
      next = f.next_state({ stability, difficulty }, elapsed, Rating.Good);
    } else {
      forgotten++;
      next = f.next_state(f.next_state({ stability, difficulty }, elapsed, Rating.Again), 0, Rating.Good);
    }
    stability = next.stability;
    difficulty = next.difficulty;
    last = due;
    due = last + f.next_interval(stability, 0) * DAY_MS;
  }
  return { recall: f.forgetting_curve((until - last) / DAY_MS, stability), reviews, forgotten };
}

/** A new card first learned at `seenAt` (answered Good), then followed as `followCard` does. */
export function followNewCard(
  f: FSRSAlgorithm,
  seenAt: number,
  until: number,
  random: () => number,
): PathOutcome {
  const { stability, difficulty } = f.next_state(null, 0, Rating.Good);
  const due = seenAt + f.next_interval(stability, 0) * DAY_MS;
  return followCard(f, { stability, difficulty, last: seenAt, due }, until, random);
}
