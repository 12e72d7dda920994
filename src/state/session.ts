import {
  afterAnswer,
  afterUndo,
  needsRefill,
  nextCard,
  queueCounts,
  type Queue,
} from '../domain/queue/queue';
import type { Rating, SchedState } from '../domain/scheduling/types';
import type { Settings } from '../domain/settings/settings';
import { endOfReviewDay } from '../domain/time/reviewDay';
import type { AppDb } from '../storage/db';
import { CardChangedError, journaledReview, undoReview } from '../storage/reviews';
import { preloadWrites } from '../storage/lazyWrites';
import { undoCardChange, type CardChange } from '../storage/cardActions';
import { replaced, stateIn, type ActionUndo } from './undoEntries';
import { announceReviewed } from './tabChannel';
import { clearCardContent, contentFor } from './cardContent';
import { loadQueue, type Scope } from './sessionQueue';
import { loadSchedulers, whenIdle } from './schedulerLoader';
import { afterPaint } from './afterPaint';
import { dropped, onScreen, type SessionView, type ViewHost } from './sessionState';

const UNDO_DEPTH = 20;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What `start` fixes for the session it begins. */
interface Run {
  db: AppDb;
  settings: Settings;
  scope: Scope;
  ahead: boolean;
  id: number;
}

/**
 * A review session, plain TypeScript: `start` begins a run (its database, settings and scope),
 * and the actions then take only what the user did and when (`rate(rating, now)`). What the
 * screen shows lives in the host (the zustand store, or a plain object in a test); nothing here
 * knows React.
 */
export class ReviewSession {
  private run: Run | null = null;
  /** Each start gets a number; results of an older start (e.g. a double effect) are dropped. */
  private starts = 0;
  /** Counts queue loads, so a late exact count never overwrites a newer queue's. */
  private queueLoads = 0;
  /** The rating or undo being written, if any. */
  private inFlight: Promise<boolean> | null = null;

  constructor(private readonly host: ViewHost) {}

  private get view(): SessionView {
    return this.host.get();
  }
  private set = (patch: Partial<SessionView>) => this.host.set(patch);

  /** The database of the running session (null before the first start). */
  get db(): AppDb | null {
    return this.run?.db ?? null;
  }

  async start(db: AppDb, settings: Settings, scope: Scope, now: number, ahead = false): Promise<void> {
    const run: Run = { db, settings, scope, ahead, id: ++this.starts };
    this.run = run;
    this.set({ status: 'loading', scope, ahead, current: null, error: null, notice: null, undoStack: [] });
    // Card content may have changed since the last session (a deck re-imported or restored).
    clearCardContent();
    // The first card does not wait for the due reviews to be counted; the count follows.
    const loaded = await loadQueue(db, settings, scope, now, ahead, true);
    const load = ++this.queueLoads;
    if (run.id === this.starts) await this.show(loaded.queue, now);
    whenIdle(() => void loadSchedulers());
    const pending = await loaded.pending?.();
    if (pending !== undefined && run.id === this.starts && load === this.queueLoads) {
      const queue = { ...this.view.queue, pending };
      this.set({ queue, counts: queueCounts(queue) });
    }
  }

  /** Reloads the running session's queue (a page of reviews at a time). */
  private reload(now: number): Promise<Queue> | null {
    const run = this.run;
    if (!run) return null;
    this.queueLoads++;
    return loadQueue(run.db, run.settings, run.scope, now, run.ahead).then((l) => l.queue);
  }

  /**
   * Runs one write (a rating or an undo) at a time: a key pressed meanwhile waits for it (and a
   * second one for the same card is dropped). A failure is shown; nothing was half-written.
   */
  private exclusive(write: () => Promise<void>): Promise<boolean> {
    if (this.inFlight) return Promise.resolve(false);
    const run = write().then(
      () => true,
      (error: unknown) => (this.set({ error: describe(error) }), false),
    );
    this.inFlight = run.finally(() => (this.inFlight = null));
    return run;
  }

  /**
   * Shows whatever the queue offers next (or nothing), in one state update with `extra`. A write
   * still to come (`written`) is waited for before a page of reviews is read from storage.
   */
  private async show(
    loaded: Queue,
    now: number,
    extra: Partial<SessionView> = {},
    written?: Promise<unknown>,
  ): Promise<void> {
    // Only a page of reviews is loaded at a time; fetch the next page when it is used up.
    let queue = loaded;
    if (needsRefill(loaded) && loaded.pinned.length === 0) {
      await written;
      queue = (await this.reload(now)) ?? loaded;
    }
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
      this.set({ ...base, current: null, waitUntil: next.waitUntil, status: 'ready' });
      return;
    }
    const card = this.run && (await contentFor(this.run.db, queue, next.card));
    if (!card) {
      // Content missing (should not happen): skip the card rather than block the session.
      await this.show(dropped(queue, next.card), now, extra, written);
      return;
    }
    this.set({ ...base, current: { state: next.card, card }, waitUntil: null, status: 'ready' });
  }

  /** Takes a card out of this session (another tab has it), moving on if it is on screen. */
  async leave(cardId: string, now: number): Promise<void> {
    const { queue, current, undoStack } = this.view;
    const state = [current?.state, ...queue.pinned, ...queue.learning, ...queue.main].find(
      (s) => s?.cardId === cardId,
    );
    if (!state) return;
    const rest = dropped(queue, state);
    const kept = undoStack.filter((u) => u.previous.cardId !== cardId);
    if (current?.state.cardId === cardId)
      await this.show(rest, now, { notice: 'changedElsewhere', undoStack: kept });
    else this.set({ queue: rest, counts: queueCounts(rest), undoStack: kept });
  }

  async reveal(now: number, settings = this.run?.settings): Promise<void> {
    const { current, revealed } = this.view;
    if (!current || revealed || !settings) return;
    // The answer (and with it the rating keys) waits for the review's writes too: a rating's
    // journal note is written in its key's task only once they are loaded, and one pressed while
    // they were still downloading was lost to a reload in that moment. If they fail to load, the
    // rating loads them again and says so.
    const [{ schedulerFor }] = await Promise.all([loadSchedulers(), preloadWrites().catch(() => null)]);
    if (this.view.current !== current || this.view.revealed) return;
    const intervals = schedulerFor(settings, current.state.deckId).preview(current.state, now);
    this.set({ revealed: true, intervals });
  }

  toggleTick(index: number): void {
    const { current, revealed, ticked } = this.view;
    const total = current?.card.keyPoints?.length ?? 0;
    if (!revealed || index < 0 || index >= total) return;
    this.set({
      ticked: ticked.includes(index) ? ticked.filter((i) => i !== index) : [...ticked, index].sort(),
    });
  }

  async rate(rating: Rating, now: number, settings = this.run?.settings): Promise<boolean> {
    // The next card is on screen before the last rating is written; rating it waits for that.
    const rated = this.view.current;
    await this.inFlight;
    const before = this.view;
    const { current, revealed, queue, shownAt, undoStack, ticked } = before;
    const db = this.run?.db;
    if (!current || current !== rated || !revealed || !db || !settings) return false;
    return this.exclusive(async () => {
      const { answer, schedulerFor } = await loadSchedulers();
      const { next, log } = answer(schedulerFor, settings, current, rating, now, shownAt, ticked);
      // The next card is shown before the review commits, not after: the rating is noted in
      // the journal in this task (kept across a reload), and its transaction starts in the task
      // after the next card is painted (not at a later idle moment, which landed just before the
      // following frame in one review in ten), so neither its round trips nor its bookkeeping
      // stand between the key and the card. If it fails, the rated card comes back
      // (as it was) with the error, so nothing the screen showed was lost.
      const saved = journaledReview(db, next, log, current.state, now, afterPaint()).then(
        () => null,
        (error: unknown) => ({ error }),
      );
      const entry = { previous: current.state, after: next, logId: log.id, ticked };
      const undo = [...undoStack, entry].slice(-UNDO_DEPTH);
      const after = afterAnswer(queue, next, endOfReviewDay(now, settings.rolloverHour));
      const extra = { undoStack: undo, error: null, notice: null, saving: true };
      const shown = this.show(after, now, extra, saved).then(
        () => null,
        (error: unknown) => ({ error }),
      );
      const [saveFailed, showFailed] = await Promise.all([saved, shown]);
      if (saveFailed?.error instanceof CardChangedError) {
        // Another tab reviewed this card first: its review stands, and the card leaves this session.
        this.set({ saving: false, undoStack });
        await this.leave(current.state.cardId, now);
        return;
      }
      if (saveFailed) {
        this.set({ ...onScreen(before), saving: false });
        throw saveFailed.error;
      }
      this.set({ saving: false });
      announceReviewed(current.state.cardId);
      if (showFailed) throw showFailed.error;
    });
  }

  async undo(now: number): Promise<boolean> {
    // An undo pressed while a rating is still being written undoes that rating, once written.
    await this.inFlight;
    const { undoStack, queue } = this.view;
    const last = undoStack[undoStack.length - 1];
    const db = this.run?.db;
    if (!last || !db) return false;
    if (last.kind === 'action') return this.undoAction(db, last, now);
    return this.exclusive(async () => {
      try {
        await undoReview(db, last.previous, last.logId, last.after);
      } catch (error) {
        if (!(error instanceof CardChangedError)) throw error;
        this.set({ undoStack: undoStack.slice(0, -1), notice: 'changedElsewhere' });
        return;
      }
      announceReviewed(last.previous.cardId);
      await this.show(afterUndo(queue, last.previous), now, {
        undoStack: undoStack.slice(0, -1),
        ticked: last.ticked,
        error: null,
      });
    });
  }

  /** Undoes a card action: the card comes back as it was (shown next if the action hid it). */
  private undoAction(db: AppDb, last: ActionUndo, now: number): Promise<boolean> {
    const { undoStack, queue, current } = this.view;
    const rest = undoStack.slice(0, -1);
    return this.exclusive(async () => {
      try {
        await undoCardChange(db, last.change);
      } catch (error) {
        if (!(error instanceof CardChangedError)) throw error;
        this.set({ undoStack: rest, notice: 'changedElsewhere' });
        return;
      }
      const back = stateIn(last.change, last.previous.cardId, 'before');
      if (back) announceReviewed(back.cardId);
      if (back && current?.state.cardId === back.cardId)
        this.set({
          undoStack: rest,
          current: { ...current, state: back },
          queue: replaced(queue, back),
          error: null,
        });
      else if (back)
        await this.show(afterUndo(queue, back), now, { undoStack: rest, ticked: last.ticked, error: null });
      else this.set({ undoStack: rest, error: null });
    });
  }

  /** Runs a card action on the card on screen; a card it hides leaves the session. */
  async act(run: (state: SchedState) => Promise<CardChange>, now: number): Promise<boolean> {
    await this.inFlight;
    const { current, queue, undoStack, ticked } = this.view;
    if (!current) return false;
    return this.exclusive(async () => {
      const change = await run(current.state);
      const next = stateIn(change, current.state.cardId, 'after');
      if (change.kind === 'states' && !next) return;
      const entry: ActionUndo = { kind: 'action', previous: current.state, change, ticked };
      const undo = [...undoStack, entry].slice(-UNDO_DEPTH);
      if (next) announceReviewed(current.state.cardId);
      if (next && next.hidden !== null)
        await this.show(dropped(queue, current.state), now, { undoStack: undo });
      else if (next)
        this.set({ undoStack: undo, current: { ...current, state: next }, queue: replaced(queue, next) });
      else this.set({ undoStack: undo });
    });
  }

  /** Leaves the current card for this session without rating it (e.g. it cannot be shown). */
  async skip(now: number): Promise<void> {
    await this.inFlight;
    const { current, queue } = this.view;
    if (current) await this.show(dropped(queue, current.state), now, { error: null });
  }

  /** Shows the next card once a learning card's wait is over. */
  async tick(now: number): Promise<void> {
    const { current, queue, status } = this.view;
    if (status === 'ready' && !current) await this.show(queue, now);
  }
}
