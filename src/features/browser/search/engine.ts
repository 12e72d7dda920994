import MiniSearch from 'minisearch';
import type { CardNote } from '../../../domain/cards/note';
import type { CardRecord, DeckRecord } from '../../../domain/deck/records';
import { passes, sortCards, type CardInfo } from '../../../domain/browse/rows';
import { isHanToken, tokenize } from '../../../domain/browse/tokenize';
import type { BrowseQuery } from '../../../domain/browse/query';
import type { SchedState } from '../../../domain/scheduling/types';
import { endOfReviewDay, startOfReviewDay } from '../../../domain/time/reviewDay';
import type { Language } from '../../../i18n/translate';
import type { AppDb } from '../../../storage/db';
import {
  browseDeckCards,
  browseDecks,
  browseNotes,
  browseStates,
  notesStamp,
} from '../../../storage/browseSource';
import type { BrowseRow, IndexSize, SearchResult } from './protocol';

interface Doc {
  id: string;
  question: string;
  answer: string;
  keyPoints: string;
  tags: string;
  topic: string;
  note: string;
}

const FIELDS = ['question', 'answer', 'keyPoints', 'tags', 'topic', 'note'] as const;
const both = (l: { en: string; zh: string } | undefined) => (l ? `${l.en}\n${l.zh}` : '');
const SHORT = 160;

function newIndex(): MiniSearch<Doc> {
  return new MiniSearch<Doc>({
    fields: [...FIELDS],
    tokenize,
    processTerm: (term) => term,
    searchOptions: {
      combineWith: 'AND',
      // English words match as prefixes ("embed" finds "embedding"); a lone Han character too.
      prefix: (term) => !isHanToken(term) || term.length === 1,
      boost: { question: 3, keyPoints: 1.5, topic: 2, tags: 2, note: 2 },
    },
  });
}

/**
 * The browser's search: a MiniSearch full-text index over every role's cards (question, answer,
 * key points, tags, topic names, the user's notes), with each card's state for filters and
 * sorts. Lives in a worker (browse.worker.ts); kept current by `refresh` (decks whose hash
 * changed are re-indexed, notes when their stamp moved, states re-read) and by `patch`.
 */
export class BrowseEngine {
  private index = newIndex();
  private readonly cards = new Map<string, { info: CardInfo; doc: Doc }>();
  private readonly deckHashes = new Map<string, string>();
  private readonly notes = new Map<string, string>();
  private noteStamp = -1;
  private states = new Map<string, SchedState>();
  private result: string[] = [];
  private resultId = 0;
  private turn: Promise<void> = Promise.resolve();

  constructor(private readonly db: AppDb) {}

  /**
   * One refresh at a time: two at once (the screen opening while the boot sync lands) would both
   * see a deck as changed and index its cards twice.
   */
  refresh(): Promise<void> {
    const run = this.turn.then(() => this.update());
    this.turn = run.catch(() => undefined);
    return run;
  }

  private async update(): Promise<void> {
    const decks = await browseDecks(this.db);
    const order = new Map(decks.map((d, i) => [d.id, i]));
    for (const deck of decks)
      if (this.deckHashes.get(deck.id) !== deck.hash) await this.indexDeck(deck, order.get(deck.id)!);
    for (const id of [...this.deckHashes.keys()]) if (!order.has(id)) this.dropDeck(id);
    if ((await notesStamp(this.db)) !== this.noteStamp) {
      const { stamp, notes } = await browseNotes(this.db);
      this.applyNotes(notes);
      this.noteStamp = stamp;
    }
    this.states = new Map((await browseStates(this.db)).map((s) => [s.cardId, s]));
  }

  private async indexDeck(deck: DeckRecord, deckOrder: number): Promise<void> {
    this.dropDeck(deck.id);
    const cards = await browseDeckCards(this.db, deck.id);
    const docs: Doc[] = [];
    for (const card of cards) {
      if (card.retired) continue;
      const entry = { info: infoOf(card, deckOrder), doc: docOf(card, deck, this.notes.get(card.id)) };
      this.cards.set(card.id, entry);
      docs.push(entry.doc);
    }
    this.index.addAll(docs);
    this.deckHashes.set(deck.id, deck.hash);
  }

  private dropDeck(deckId: string): void {
    if (!this.deckHashes.has(deckId)) return;
    for (const [id, { info }] of this.cards)
      if (info.deckId === deckId) {
        this.index.discard(id);
        this.cards.delete(id);
      }
    this.deckHashes.delete(deckId);
  }

  private applyNotes(notes: readonly CardNote[]): void {
    const next = new Map(notes.map((n) => [n.cardId, n.text]));
    for (const id of new Set([...this.notes.keys(), ...next.keys()]))
      if (this.notes.get(id) !== next.get(id)) this.setNote(id, next.get(id));
  }

  private setNote(cardId: string, text: string | undefined): void {
    if (text === undefined) this.notes.delete(cardId);
    else this.notes.set(cardId, text);
    const entry = this.cards.get(cardId);
    if (!entry) return;
    entry.doc = { ...entry.doc, note: text ?? '' };
    this.index.replace(entry.doc);
  }

  /** Applies what this tab just wrote, without reading it back. */
  patch(states: readonly SchedState[], notes: readonly { cardId: string; note: CardNote | undefined }[]) {
    for (const s of states) this.states.set(s.cardId, s);
    for (const n of notes) this.setNote(n.cardId, n.note?.text);
  }

  search(q: BrowseQuery, now: number, rolloverHour: number, lang: Language, first: number): SearchResult {
    const day = { start: startOfReviewDay(now, rolloverHour), end: endOfReviewDay(now, rolloverHour) };
    const text = q.text.trim();
    const ids = text ? this.index.search(text).map((r) => r.id as string) : [...this.cards.keys()];
    const matching: { info: CardInfo; state: SchedState }[] = [];
    for (const id of ids) {
      const info = this.cards.get(id)?.info;
      const state = this.states.get(id);
      if (info && state && passes(info, state, q, day)) matching.push({ info, state });
    }
    // A text search lists the best matches first unless another order was chosen.
    const ordered = text && q.sort === 'due' && !q.desc ? matching : sortCards(matching, q);
    this.result = ordered.map((c) => c.info.cardId);
    this.resultId += 1;
    return {
      total: this.result.length,
      rows: this.rows(this.resultId, 0, first, lang),
      result: this.resultId,
    };
  }

  rows(result: number, from: number, to: number, lang: Language): BrowseRow[] {
    if (result !== this.resultId) return [];
    return this.result
      .slice(from, to)
      .map((id) => rowOf(this.cards.get(id)!.info, this.states.get(id)!, lang));
  }

  ids(result: number): string[] {
    return result === this.resultId ? [...this.result] : [];
  }

  size(): IndexSize {
    return {
      documents: this.index.documentCount,
      terms: this.index.termCount,
      bytes: JSON.stringify(this.index).length,
    };
  }
}

function infoOf(card: CardRecord, deckOrder: number): CardInfo {
  return {
    cardId: card.id,
    deckId: card.deckId,
    topic: card.topic,
    question: { en: card.question.en.slice(0, SHORT), zh: card.question.zh.slice(0, SHORT) },
    difficulty: card.difficulty,
    position: card.position,
    deckOrder,
  };
}

function docOf(card: CardRecord, deck: DeckRecord, note: string | undefined): Doc {
  return {
    id: card.id,
    question: both(card.question),
    answer: both(card.answer),
    keyPoints: (card.keyPoints ?? []).map(both).join('\n'),
    tags: card.tags.join(' '),
    topic: `${card.topic}\n${both(deck.topics[card.topic])}`,
    note: note ?? '',
  };
}

function rowOf(info: CardInfo, s: SchedState, lang: Language): BrowseRow {
  return {
    cardId: info.cardId,
    deckId: info.deckId,
    topic: info.topic,
    question: info.question[lang] || info.question.en,
    state: s.state,
    hidden: s.hidden,
    flag: s.flag ?? 0,
    leech: s.leech === true,
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    lapses: s.lapses,
    lastReview: s.lastReview,
  };
}
