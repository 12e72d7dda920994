import type { BrowseQuery } from '../../../domain/browse/query';
import type { SchedState } from '../../../domain/scheduling/types';
import type { CardNote } from '../../../domain/cards/note';
import type { Language } from '../../../i18n/translate';

/** One line of the browser's list. */
export interface BrowseRow {
  cardId: string;
  deckId: string;
  topic: string;
  question: string;
  state: SchedState['state'];
  hidden: SchedState['hidden'];
  flag: number;
  leech: boolean;
  due: number;
  stability: number;
  difficulty: number;
  lapses: number;
  lastReview: number | null;
}

export interface SearchResult {
  total: number;
  /** The first rows of the result; the rest are asked for as the list scrolls. */
  rows: BrowseRow[];
  /** Counts a search: rows asked for later name the result they belong to. */
  result: number;
}

export type BrowseRequest =
  | { kind: 'refresh' }
  | { kind: 'search'; query: BrowseQuery; now: number; rolloverHour: number; lang: Language; first: number }
  | { kind: 'rows'; result: number; from: number; to: number; lang: Language }
  | { kind: 'ids'; result: number }
  | { kind: 'patch'; states: SchedState[]; notes: { cardId: string; note: CardNote | undefined }[] }
  | { kind: 'size' }
  | { kind: 'progress' };

/** How far the index is built: roles indexed of those that needed it (0 of 0 when none did). */
export interface IndexProgress {
  done: number;
  total: number;
}

/** What the index holds, for the bench: documents, distinct terms, and its serialized size. */
export interface IndexSize {
  documents: number;
  terms: number;
  bytes: number;
}
