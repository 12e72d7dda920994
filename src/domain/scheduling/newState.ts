import { CardState, type SchedState } from './types';

/** A new card's state; `position` orders new cards within their deck. */
export function newState(cardId: string, deckId: string, position: number): SchedState {
  return {
    cardId,
    deckId,
    state: CardState.New,
    due: position,
    stability: 0,
    difficulty: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    lastReview: null,
    hidden: null,
  };
}
