import type { Queue } from '../domain/queue/queue';
import type { SchedState } from '../domain/scheduling/types';
import type { CardChange } from '../storage/cardActions';

export type UndoEntry = RatingUndo | ActionUndo;

/** A card action from the review screen (suspend, bury, flag, note): undone like a rating. */
export interface ActionUndo {
  kind: 'action';
  previous: SchedState;
  change: CardChange;
  ticked: number[];
}

export interface RatingUndo {
  kind?: 'rating';
  previous: SchedState;
  /** The state the review wrote: undo is refused if the card changed since. */
  after: SchedState;
  logId: string;
  /** The key points ticked when it was rated: undo brings them back with the card. */
  ticked: number[];
}

/** The queue with the card's state replaced wherever it is. */
export const replaced = (queue: Queue, state: SchedState): Queue => {
  const swap = (list: SchedState[]) => list.map((s) => (s.cardId === state.cardId ? state : s));
  return { ...queue, pinned: swap(queue.pinned), learning: swap(queue.learning), main: swap(queue.main) };
};

/** The card's state a change wrote (or put back, `side` 'before'), if it changed its state. */
export const stateIn = (change: CardChange, cardId: string, side: 'before' | 'after') =>
  change.kind === 'states' ? change[side].find((s) => s.cardId === cardId) : undefined;
