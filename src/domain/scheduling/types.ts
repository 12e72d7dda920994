/** FSRS learning state, numbered as in ts-fsrs and the FSRS optimizer's CSV. */
export const CardState = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export type CardState = (typeof CardState)[keyof typeof CardState];

export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
export type Rating = (typeof Rating)[keyof typeof Rating];
export const ratings: readonly Rating[] = [1, 2, 3, 4];

/** Why a card is out of the queues, if it is (buried: until `buriedUntil`). */
export type Hidden = 'suspended' | 'retired' | 'buried' | null;

/** Anki's flag colours: 1 red, 2 orange, 3 green, 4 blue, 5 pink, 6 turquoise, 7 purple (none: absent). */
export type Flag = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * A card's scheduling state, stored apart from its content and keyed by card id.
 * Times are epoch ms. For a new card `due` holds its position in the deck (new-card order).
 */
export interface SchedState {
  cardId: string;
  deckId: string;
  state: CardState;
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
  hidden: Hidden;
  /** A buried card returns on the review day starting at this time (epoch ms). */
  buriedUntil?: number;
  flag?: Flag;
  /** Lapsed the leech threshold's number of times; kept until its progress is reset. */
  leech?: true;
  /**
   * When the user last reset the card's progress (epoch ms): its reviews up to this time stay in
   * the history but no longer count for its schedule, which a replay (sync) starts afresh from here.
   */
  resetAt?: number;
}

/** The fields a state has only when set (older states, and backups before format 5, lack them). */
export type OptionalStateField = 'buriedUntil' | 'flag' | 'leech' | 'resetAt';

/** One review, with the card's state *before* it (as the FSRS optimizer expects). */
export interface ReviewLog {
  id: string;
  cardId: string;
  deckId: string;
  rating: Rating;
  state: CardState;
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  review: number;
  durationMs: number;
  /** Key points the user ticked, of how many the card has; absent when the card has none. */
  keyPointsHit?: number;
  keyPointsTotal?: number;
}
