import type { CardNote } from '../cards/note';
import type { CardRecord, DeckRecord } from '../deck/records';
import { newState } from '../scheduling/newState';
import type { MockInterview } from '../mock/mockInterview';
import type { ReviewLog, SchedState } from '../scheduling/types';
import type { BackupData } from './format';

export type RestoreMode = 'replace' | 'merge';

/** What restore needs to know about a stored card. */
export interface CardMeta {
  id: string;
  deckId: string;
  position: number;
  retired: boolean;
}

export interface CurrentData {
  /** Cards of the built-in decks: the app ships them, a restore never removes them. */
  builtinCards: CardMeta[];
  userDecks: DeckRecord[];
  userCards: CardMeta[];
  states: SchedState[];
  logIds: ReadonlySet<string>;
}

export interface RestoreSummary {
  mode: RestoreMode;
  createdAt: number;
  decks: { added: number; kept: number; removed: number };
  /** Cards of the decks written from the file. */
  cards: number;
  states: {
    /** Taken from the file. */
    fromBackup: number;
    /** Merge: the stored state is as new or newer, so it stays. */
    keptCurrent: number;
    /** Cards the file has no state for: they start as new. */
    fresh: number;
    /** States of cards this version of the app does not have: kept, out of the queues. */
    unknown: number;
  };
  logs: { added: number; alreadyHere: number; removed: number };
  settings: 'replaced' | 'kept';
}

export interface RestorePlan {
  summary: RestoreSummary;
  /** Replace: user decks, all states, all logs and settings are cleared before writing. */
  clear: boolean;
  putDecks: DeckRecord[];
  putCards: CardRecord[];
  putStates: SchedState[];
  addLogs: ReviewLog[];
  /** Mock interviews to write; on merge, one already here (by id) stays as it is. */
  putMocks: MockInterview[];
  /** Card notes to write; on merge, a card that has a note here keeps it. */
  putNotes: CardNote[];
  settings: Record<string, unknown> | null;
}

/** A state fitted to the card it belongs to here: retired with the card, out of the queues if unknown. */
function fit(state: SchedState, card: CardMeta | undefined): SchedState {
  if (!card) return { ...state, hidden: 'retired' };
  if (card.retired) return { ...state, hidden: 'retired' };
  return { ...state, hidden: state.hidden === 'retired' ? null : state.hidden };
}

/** When a card last changed by the user's study: its last review, or a later progress reset. */
const recency = (s: SchedState) => Math.max(s.lastReview ?? -Infinity, s.resetAt ?? -Infinity);

const meta = (c: CardRecord): CardMeta => ({
  id: c.id,
  deckId: c.deckId,
  position: c.position,
  retired: c.retired,
});

/**
 * Says what a restore writes. Replace: the file's data takes the place of everything the user
 * has (built-in decks stay). Merge: reviews are added unless already here (by id), each card
 * keeps whichever state is newer (by its last review), decks only in the file are added, and
 * the current settings stay.
 */
export function planRestore(mode: RestoreMode, backup: BackupData, current: CurrentData): RestorePlan {
  const replace = mode === 'replace';
  const currentDeckIds = new Set(current.userDecks.map((d) => d.id));
  const backupDeckIds = new Set(backup.decks.map((d) => d.deck.id));
  const addedDecks = replace ? backup.decks : backup.decks.filter((d) => !currentDeckIds.has(d.deck.id));
  const putCards = addedDecks.flatMap((d) => d.cards);
  const cards = new Map<string, CardMeta>();
  for (const c of current.builtinCards) cards.set(c.id, c);
  if (!replace) for (const c of current.userCards) cards.set(c.id, c);
  for (const c of putCards) cards.set(c.id, meta(c));

  const summary: RestoreSummary = {
    mode,
    createdAt: backup.createdAt,
    decks: {
      added: addedDecks.filter((d) => !currentDeckIds.has(d.deck.id)).length,
      kept: replace ? 0 : backup.decks.length - addedDecks.length,
      removed: replace ? current.userDecks.filter((d) => !backupDeckIds.has(d.id)).length : 0,
    },
    cards: putCards.length,
    states: { fromBackup: 0, keptCurrent: 0, fresh: 0, unknown: 0 },
    logs: { added: 0, alreadyHere: 0, removed: replace ? current.logIds.size : 0 },
    settings: replace ? 'replaced' : 'kept',
  };

  const stored = new Map(replace ? [] : current.states.map((s) => [s.cardId, s]));
  const putStates: SchedState[] = [];
  for (const state of backup.states) {
    const mine = stored.get(state.cardId);
    if (mine && recency(mine) >= recency(state)) {
      summary.states.keptCurrent++;
      continue;
    }
    const card = cards.get(state.cardId);
    if (!card) summary.states.unknown++;
    else summary.states.fromBackup++;
    putStates.push(fit(state, card));
    stored.set(state.cardId, state);
  }
  for (const card of cards.values()) {
    if (stored.has(card.id)) continue;
    summary.states.fresh++;
    putStates.push(fit(newState(card.id, card.deckId, card.position), card));
  }

  const addLogs = replace ? backup.logs : backup.logs.filter((l) => !current.logIds.has(l.id));
  summary.logs.added = addLogs.length;
  summary.logs.alreadyHere = backup.logs.length - addLogs.length;

  return {
    summary,
    clear: replace,
    putDecks: addedDecks.map((d) => d.deck),
    putCards,
    putStates,
    addLogs,
    putMocks: backup.mocks ?? [],
    putNotes: backup.notes ?? [],
    settings: replace ? backup.settings : null,
  };
}
