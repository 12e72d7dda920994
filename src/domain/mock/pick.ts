import type { CardType } from '../deck/schema';
import { seededRandom } from './random';

/** What picking needs to know of a candidate card. */
export interface MockCandidate {
  cardId: string;
  deckId: string;
  topic: string;
  type: CardType;
  /** Predicted recall now; null for a card never studied. */
  recall: number | null;
  lapses: number;
  /** The card has key points to grade against (cards without them are not asked). */
  gradable: boolean;
}

export interface PickOptions {
  count: number;
  seed: number;
  /** At most this share of the questions are cards not yet studied (default a quarter, at least one). */
  unstudiedShare?: number;
}

/** Interviewers open with design and scenario questions; definitions come up less. */
const TYPE_WEIGHT: Record<CardType, number> = {
  design: 3,
  scenario: 3,
  behavioral: 2,
  coding: 1.5,
  concept: 1,
  derivation: 1,
};

/**
 * How much a studied card should be asked: weak recall and past lapses raise it, so the interview
 * finds the gaps; every card keeps some chance.
 */
export function weightOf(c: MockCandidate): number {
  const weakness = c.recall === null ? 0.5 : 1 - c.recall;
  return TYPE_WEIGHT[c.type] * (0.2 + weakness + Math.min(c.lapses, 5) * 0.15);
}

/** Weighted sampling without replacement (Efraimidis–Spirakis keys): each card at most once. */
function sample(cards: readonly MockCandidate[], n: number, random: () => number): MockCandidate[] {
  return cards
    .map((c) => ({ c, key: Math.pow(random(), 1 / weightOf(c)) }))
    .sort((a, b) => b.key - a.key || (a.c.cardId < b.c.cardId ? -1 : 1))
    .slice(0, n)
    .map((k) => k.c);
}

/**
 * The questions of one mock interview: weighted toward weak cards and the types interviewers open
 * with, mixed with a few cards not yet studied, never the same card twice. The same seed and
 * candidates give the same interview.
 */
export function pickQuestions(candidates: readonly MockCandidate[], options: PickOptions): MockCandidate[] {
  const random = seededRandom(options.seed);
  const pool = [...candidates].filter((c) => c.gradable).sort((a, b) => (a.cardId < b.cardId ? -1 : 1));
  const count = Math.min(options.count, pool.length);
  const studied = pool.filter((c) => c.recall !== null);
  const fresh = pool.filter((c) => c.recall === null);
  const share = options.unstudiedShare ?? 0.25;
  const freshCount = Math.min(
    fresh.length,
    Math.max(count - studied.length, Math.max(1, Math.round(count * share))),
  );
  const picked = [...sample(fresh, freshCount, random), ...sample(studied, count - freshCount, random)];
  // Interleave so the unstudied ones are not all at the end; order is part of the seed too.
  return shuffle(picked, random);
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
