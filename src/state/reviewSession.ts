import { create } from 'zustand';
import type { CardRecord } from '../domain/deck/records';
import {
  afterAnswer,
  afterUndo,
  needsRefill,
  emptyQueue,
  nextCard,
  queueCounts,
  type Queue,
  type QueueCounts,
} from '../domain/queue/queue';
import { markLeech } from '../domain/cards/leech';
import { tallyOf } from '../domain/review/keyPoints';
import { CardState, type Rating, type SchedState } from '../domain/scheduling/types';
import type { Settings } from '../domain/settings/settings';
import { endOfReviewDay } from '../domain/time/reviewDay';
import type { AppDb } from '../storage/db';
import type * as SchedulersModule from './schedulers';
import { CardChangedError, undoReview } from '../storage/reviews';
import { journaledReview } from '../storage/reviewJournal';
import { undoCardChange, type CardChange } from '../storage/cardActions';
import { replaced, stateIn, type ActionUndo, type UndoEntry } from './undoEntries';
import { announceReviewed, onReviewedElsewhere } from './tabChannel';
import { clearCardContent, contentFor } from './cardContent';
import { loadQueue, type Scope } from './sessionQueue';

export type { Scope } from './sessionQueue';
export { upcomingCards } from './cardContent';

/** A minute without answering is thinking; an hour is a walk away. Cap what a review logs as time spent. */
const MAX_DURATION_MS = 5 * 60_000;
const UNDO_DEPTH = 20;

interface Current {
  state: SchedState;
  card: CardRecord;
}

interface SessionState {
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
  start: (db: AppDb, settings: Settings, scope: Scope, now: number, ahead?: boolean) => Promise<void>;
  reveal: (settings: Settings, now: number) => Promise<void>;
  toggleTick: (index: number) => void;
  rate: (db: AppDb, settings: Settings, rating: Rating, now: number) => Promise<boolean>;
  undo: (db: AppDb, now: number) => Promise<boolean>;
  /** Runs a card action on the card on screen; a card it hides leaves the session. */
  act: (db: AppDb, run: (state: SchedState) => Promise<CardChange>, now: number) => Promise<boolean>;
  /** Leaves the current card for this session without rating it (e.g. it cannot be shown). */
  skip: (db: AppDb, now: number) => Promise<void>;
  tick: (db: AppDb, now: number) => Promise<void>;
}

/** ts-fsrs is needed only once a card is revealed: it loads after the first card is on screen. */
let schedulers: Promise<typeof SchedulersModule> | null = null;
const loadSchedulers = () => (schedulers ??= import('./schedulers'));
/** After the card is painted: the scheduler chunk must not compete with the first card. */
export const whenIdle = (work: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(work, { timeout: 500 })
    : setTimeout(work, 50);

/** Each start gets a number; results of an older start (e.g. a double effect) are dropped. */
let currentStart = 0;
/** The rating or undo being written, if any. */
let inFlight: Promise<boolean> | null = null;

/** What the review screen shows: put back as it was when a rating could not be saved. */
const onScreen = (s: SessionState): Partial<SessionState> => ({
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

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The queue without a card, as if it had been answered for good today. */
const dropped = (queue: Queue, state: SchedState) =>
  afterAnswer(queue, { ...state, state: CardState.Review, due: Infinity }, 0);

/** The database of the running session, for changes other tabs announce. */
let sessionDb: AppDb | null = null;

/** Reloads the current session's queue; set by start(). */
let reload: ((now: number) => Promise<Queue>) | null = null;
/** Counts queue loads, so a late exact count never overwrites a newer queue's. */
let queueLoads = 0;

export const useReviewSession = create<SessionState>()((set, get) => {
  /**
   * Runs one write (a rating or an undo) at a time: a key pressed meanwhile waits for it (and a
   * second one for the same card is dropped). A failure is shown; nothing was half-written.
   */
  function exclusive(write: () => Promise<void>): Promise<boolean> {
    if (inFlight) return Promise.resolve(false);
    const run = write().then(
      () => true,
      (error: unknown) => (set({ error: describe(error) }), false),
    );
    inFlight = run.finally(() => (inFlight = null));
    return run;
  }

  /** Shows whatever the queue offers next (or nothing), in one state update with `extra`. */
  async function show(db: AppDb, loaded: Queue, now: number, extra: Partial<SessionState> = {}) {
    // Only a page of reviews is loaded at a time; fetch the next page when it is used up.
    const queue = needsRefill(loaded) && loaded.pinned.length === 0 && reload ? await reload(now) : loaded;
    const next = nextCard(queue, now);
    const base = {
      ...extra,
      queue,
      counts: queueCounts(queue),
      revealed: false,
      ticked: extra.ticked ?? [],
      intervals: null,
      shownAt: now,
    };
    if (!next.card) {
      set({ ...base, current: null, waitUntil: next.waitUntil, status: 'ready' });
      return;
    }
    const card = await contentFor(db, queue, next.card);
    if (!card) {
      // Content missing (should not happen): skip the card rather than block the session.
      await show(db, dropped(queue, next.card), now, extra);
      return;
    }
    set({ ...base, current: { state: next.card, card }, waitUntil: null, status: 'ready' });
  }

  /** Takes a card out of this session (another tab has it), moving on if it is on screen. */
  async function leave(db: AppDb, cardId: string, now: number) {
    const { queue, current } = get();
    const state = [current?.state, ...queue.pinned, ...queue.learning, ...queue.main].find(
      (s) => s?.cardId === cardId,
    );
    if (!state) return;
    const rest = dropped(queue, state);
    const undoStack = get().undoStack.filter((u) => u.previous.cardId !== cardId);
    if (current?.state.cardId === cardId)
      await show(db, rest, now, { notice: 'changedElsewhere', undoStack });
    else set({ queue: rest, counts: queueCounts(rest), undoStack });
  }

  /** Undoes a card action: the card comes back as it was (shown next if the action hid it). */
  function undoAction(db: AppDb, last: ActionUndo, now: number): Promise<boolean> {
    const { undoStack, queue, current } = get();
    const rest = undoStack.slice(0, -1);
    return exclusive(async () => {
      try {
        await undoCardChange(db, last.change);
      } catch (error) {
        if (!(error instanceof CardChangedError)) throw error;
        set({ undoStack: rest, notice: 'changedElsewhere' });
        return;
      }
      const back = stateIn(last.change, last.previous.cardId, 'before');
      if (back) announceReviewed(back.cardId);
      if (back && current?.state.cardId === back.cardId)
        set({
          undoStack: rest,
          current: { ...current, state: back },
          queue: replaced(queue, back),
          error: null,
        });
      else if (back)
        await show(db, afterUndo(queue, back), now, { undoStack: rest, ticked: last.ticked, error: null });
      else set({ undoStack: rest, error: null });
    });
  }

  onReviewedElsewhere((cardId) => {
    if (sessionDb && get().status === 'ready') void leave(sessionDb, cardId, Date.now());
  });

  return {
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

    async start(db, settings, scope, now, ahead = false) {
      const startId = ++currentStart;
      sessionDb = db;
      set({ status: 'loading', scope, ahead, current: null, error: null, notice: null, undoStack: [] });
      // Card content may have changed since the last session (a deck re-imported or restored).
      clearCardContent();
      reload = (at) => (queueLoads++, loadQueue(db, settings, scope, at, ahead).then((l) => l.queue));
      // The first card does not wait for the due reviews to be counted; the count follows.
      const loaded = await loadQueue(db, settings, scope, now, ahead, true);
      const load = ++queueLoads;
      if (startId === currentStart) await show(db, loaded.queue, now);
      whenIdle(() => void loadSchedulers());
      const pending = await loaded.pending?.();
      if (pending !== undefined && startId === currentStart && load === queueLoads) {
        const queue = { ...get().queue, pending };
        set({ queue, counts: queueCounts(queue) });
      }
    },

    async reveal(settings, now) {
      const { current, revealed } = get();
      if (!current || revealed) return;
      const { schedulerFor } = await loadSchedulers();
      if (get().current !== current || get().revealed) return;
      const intervals = schedulerFor(settings, current.state.deckId).preview(current.state, now);
      set({ revealed: true, intervals });
    },

    toggleTick(index) {
      const { current, revealed, ticked } = get();
      const total = current?.card.keyPoints?.length ?? 0;
      if (!revealed || index < 0 || index >= total) return;
      set({ ticked: ticked.includes(index) ? ticked.filter((i) => i !== index) : [...ticked, index].sort() });
    },

    async rate(db, settings, rating, now) {
      // The next card is on screen before the last rating is written; rating it waits for that.
      const rated = get().current;
      await inFlight;
      const before = get();
      const { current, revealed, queue, shownAt, undoStack, ticked } = before;
      if (!current || current !== rated || !revealed) return false;
      return exclusive(async () => {
        const scheduler = (await loadSchedulers()).schedulerFor(settings, current.state.deckId);
        const duration = Math.min(Math.max(0, now - shownAt), MAX_DURATION_MS);
        const answered = scheduler.answer(current.state, rating, now, duration, crypto.randomUUID());
        const { log } = answered;
        const next = markLeech(current.state, answered.next, settings);
        const total = current.card.keyPoints?.length ?? 0;
        if (total > 0) {
          const { hit } = tallyOf(ticked, total);
          log.keyPointsHit = hit;
          log.keyPointsTotal = total;
        }
        // The next card is shown while the review commits, not after: the write's round trips
        // are most of the wait between the key and the next card. If it fails, the rated card
        // comes back (as it was) with the error, so nothing the screen showed was lost.
        const saved = journaledReview(db, next, log, current.state, now).then(
          () => null,
          (error: unknown) => ({ error }),
        );
        const entry = { previous: current.state, after: next, logId: log.id, ticked };
        const undo = [...undoStack, entry].slice(-UNDO_DEPTH);
        const after = afterAnswer(queue, next, endOfReviewDay(now, settings.rolloverHour));
        const shown = show(db, after, now, { undoStack: undo, error: null, notice: null, saving: true }).then(
          () => null,
          (error: unknown) => ({ error }),
        );
        const [saveFailed, showFailed] = await Promise.all([saved, shown]);
        if (saveFailed?.error instanceof CardChangedError) {
          // Another tab reviewed this card first: its review stands, and the card leaves this session.
          set({ saving: false, undoStack });
          await leave(db, current.state.cardId, now);
          return;
        }
        if (saveFailed) {
          set({ ...onScreen(before), saving: false });
          throw saveFailed.error;
        }
        set({ saving: false });
        announceReviewed(current.state.cardId);
        if (showFailed) throw showFailed.error;
      });
    },

    async undo(db, now) {
      // An undo pressed while a rating is still being written undoes that rating, once written.
      await inFlight;
      const { undoStack, queue } = get();
      const last = undoStack[undoStack.length - 1];
      if (!last) return false;
      if (last.kind === 'action') return undoAction(db, last, now);
      return exclusive(async () => {
        try {
          await undoReview(db, last.previous, last.logId, last.after);
        } catch (error) {
          if (!(error instanceof CardChangedError)) throw error;
          set({ undoStack: undoStack.slice(0, -1), notice: 'changedElsewhere' });
          return;
        }
        announceReviewed(last.previous.cardId);
        await show(db, afterUndo(queue, last.previous), now, {
          undoStack: undoStack.slice(0, -1),
          ticked: last.ticked,
          error: null,
        });
      });
    },

    async act(db, run, now) {
      await inFlight;
      const { current, queue, undoStack, ticked } = get();
      if (!current) return false;
      return exclusive(async () => {
        const change = await run(current.state);
        const next = stateIn(change, current.state.cardId, 'after');
        if (change.kind === 'states' && !next) return;
        const entry: ActionUndo = { kind: 'action', previous: current.state, change, ticked };
        const undo = [...undoStack, entry].slice(-UNDO_DEPTH);
        if (next) announceReviewed(current.state.cardId);
        if (next && next.hidden !== null)
          await show(db, dropped(queue, current.state), now, { undoStack: undo });
        else if (next)
          set({ undoStack: undo, current: { ...current, state: next }, queue: replaced(queue, next) });
        else set({ undoStack: undo });
      });
    },

    async skip(db, now) {
      await inFlight;
      const { current, queue } = get();
      if (current) await show(db, dropped(queue, current.state), now, { error: null });
    },

    async tick(db, now) {
      const { current, queue, status } = get();
      if (status === 'ready' && !current) await show(db, queue, now);
    },
  };
});
