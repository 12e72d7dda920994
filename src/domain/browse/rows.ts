import { CardState, type SchedState } from '../scheduling/types';
import type { BrowseQuery, BrowseState } from './query';

/** What the browser knows of a card besides its state: from the card record. */
export interface CardInfo {
  cardId: string;
  deckId: string;
  topic: string;
  question: { en: string; zh: string };
  /** Authored difficulty, 1–3. */
  difficulty: number;
  /** Deck order: "added". */
  position: number;
  /** Deck order of the card's deck, so "added" sorts across roles. */
  deckOrder: number;
}

const STATE_NAMES: Record<CardState, BrowseState> = {
  [CardState.New]: 'new',
  [CardState.Learning]: 'learning',
  [CardState.Review]: 'review',
  [CardState.Relearning]: 'relearning',
};

/** Whether a card passes the query's filters (not its text). Retired cards are never listed. */
export function passes(
  info: CardInfo,
  s: SchedState,
  q: BrowseQuery,
  day: { start: number; end: number },
): boolean {
  if (s.hidden === 'retired') return false;
  if (q.role && info.deckId !== q.role) return false;
  if (q.topic && info.topic !== q.topic) return false;
  if (q.state && STATE_NAMES[s.state] !== q.state) return false;
  if (q.suspended && s.hidden !== 'suspended') return false;
  if (q.buried && s.hidden !== 'buried') return false;
  if (q.leech && !s.leech) return false;
  if (q.flag !== null && (s.flag ?? 0) !== q.flag) return false;
  if (q.difficulty !== null && info.difficulty !== q.difficulty) return false;
  if (q.due) {
    if (s.state === CardState.New) return false;
    if (q.due === 'today' && s.due >= day.end) return false;
    if (q.due === 'overdue' && s.due >= day.start) return false;
  }
  return true;
}

/** The sort key of a card (new cards' `due` is a deck position, so they sort after every date). */
function key(info: CardInfo, s: SchedState, sort: BrowseQuery['sort']): number {
  switch (sort) {
    case 'due':
      return s.state === CardState.New ? Number.MAX_SAFE_INTEGER - 1e9 + s.due : s.due;
    case 'stability':
      return s.stability;
    case 'difficulty':
      return s.difficulty;
    case 'lapses':
      return s.lapses;
    case 'lastReview':
      return s.lastReview ?? -1;
    case 'added':
      return info.deckOrder * 1e6 + info.position;
  }
}

/** The matching cards in the query's order, card id breaking ties. */
export function sortCards<T extends { info: CardInfo; state: SchedState }>(
  list: readonly T[],
  q: Pick<BrowseQuery, 'sort' | 'desc'>,
): T[] {
  const dir = q.desc ? -1 : 1;
  const keyed = list.map((c) => ({ c, k: key(c.info, c.state, q.sort) }));
  keyed.sort((a, b) => dir * (a.k - b.k) || (a.c.info.cardId < b.c.info.cardId ? -1 : 1));
  return keyed.map((x) => x.c);
}
