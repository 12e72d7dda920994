import type { CardRecord } from '../domain/deck/records';
import { afterAnswer, emptyQueue, type Queue, type QueueCounts } from '../domain/queue/queue';
import { CardState, type Rating, type SchedState } from '../domain/scheduling/types';
import type { Scope } from './sessionQueue';
import type { UndoEntry } from './undoEntries';

export interface Current {
  state: SchedState;
  card: CardRecord;
}

/** What the review screen shows of a session: held by the store, written only by the session. */
export interface SessionView {
  status: 'idle' | 'loading' | 'ready';
  scope: Scope;
  ahead: boolean;
  queue: Queue;
  counts: QueueCounts;
  current: Current | null;
  waitUntil: number | null;
  revealed: boolean;
  /** Indices of the current card's key points the user says they covered. */
  ticked: number[];
  /** A rating is being written (its next card is already on screen). */
  saving: boolean;
  shownAt: number;
  intervals: Record<Rating, number> | null;
  undoStack: UndoEntry[];
  error: string | null;
  /** A card left this session because another tab reviewed or changed it. */
  notice: 'changedElsewhere' | null;
}

/** Where a session keeps its view: the zustand store's get/set, or a plain object in a test. */
export interface ViewHost {
  get: () => SessionView;
  set: (patch: Partial<SessionView>) => void;
}

export const initialView: SessionView = {
  status: 'idle',
  scope: { kind: 'daily' },
  ahead: false,
  queue: emptyQueue,
  counts: { new: 0, learning: 0, review: 0 },
  current: null,
  waitUntil: null,
  revealed: false,
  ticked: [],
  saving: false,
  shownAt: 0,
  intervals: null,
  undoStack: [],
  error: null,
  notice: null,
};

/** What the review screen shows: put back as it was when a rating could not be saved. */
export const onScreen = (s: SessionView): Partial<SessionView> => ({
  queue: s.queue,
  counts: s.counts,
  current: s.current,
  revealed: s.revealed,
  ticked: s.ticked,
  intervals: s.intervals,
  waitUntil: s.waitUntil,
  status: s.status,
  shownAt: s.shownAt,
  undoStack: s.undoStack,
  notice: s.notice,
});

/** A plain host for a session outside any store (tests, tools). */
export function plainHost(): ViewHost {
  let view = initialView;
  return { get: () => view, set: (patch) => (view = { ...view, ...patch }) };
}

/** The queue without a card, as if it had been answered for good today. */
export const dropped = (queue: Queue, state: SchedState) =>
  afterAnswer(queue, { ...state, state: CardState.Review, due: Infinity }, 0);
