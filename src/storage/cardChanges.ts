import type { SchedState } from '../domain/scheduling/types';
import type { NoteChange } from './notes';

/**
 * The card's stored state is no longer the one the review was computed from: another tab (or
 * device) reviewed or changed it meanwhile. Nothing was written.
 */
export class CardChangedError extends Error {
  constructor(readonly cardId: string) {
    super(`card ${cardId} changed since it was shown`);
    this.name = 'CardChangedError';
  }
}

/** What an action changed: undo puts `before` back where the card still holds `after`. */
export interface StatesChange {
  kind: 'states';
  before: SchedState[];
  after: SchedState[];
}

export type CardChange = StatesChange | ({ kind: 'note' } & NoteChange);
