import { create } from 'zustand';
import type { Rating, SchedState } from '../domain/scheduling/types';
import type { Settings } from '../domain/settings/settings';
import type { AppDb } from '../storage/db';
import type { CardChange } from '../storage/cardActions';
import { ReviewSession } from './session';
import type { Scope } from './sessionQueue';
import { initialView, type SessionView } from './sessionState';
import { onReviewedElsewhere } from './tabChannel';

export type { Scope } from './sessionQueue';
export { upcomingCards } from './cardContent';
export { whenIdle } from './schedulerLoader';

interface SessionActions {
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

/**
 * The review screen's store: the session's view, and its actions handed to the one
 * ReviewSession (session.ts) that does the work. The database passed to an action is the one its
 * session was started with; the screen passes the settings of the moment, which apply from the
 * next card on.
 */
export const useReviewSession = create<SessionView & SessionActions>()((set, get) => {
  const session = new ReviewSession({ get, set });

  onReviewedElsewhere((cardId) => {
    if (session.db && get().status === 'ready') void session.leave(cardId, Date.now());
  });

  return {
    ...initialView,
    start: (db, settings, scope, now, ahead) => session.start(db, settings, scope, now, ahead),
    reveal: (settings, now) => session.reveal(now, settings),
    toggleTick: (index) => session.toggleTick(index),
    rate: (_db, settings, rating, now) => session.rate(rating, now, settings),
    undo: (_db, now) => session.undo(now),
    act: (_db, run, now) => session.act(run, now),
    skip: (_db, now) => session.skip(now),
    tick: (_db, now) => session.tick(now),
  };
});
