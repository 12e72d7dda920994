import type { CardNote } from '../../../domain/cards/note';
import type { CardRecord, DeckRecord } from '../../../domain/deck/records';
import { passes, sortCards, type CardInfo } from '../../../domain/browse/rows';
import { TextIndex } from '../../../domain/browse/textIndex';
import { tokenize } from '../../../domain/browse/tokenize';
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
import type { BrowseRow, IndexProgress, IndexSize, SearchResult } from './protocol';

interface Entry {
  info: CardInfo;
  slot: number;
  state?: SchedState;
}

const both = (l: { en: string; zh: string } | undefined) => (l ? `${l.en}\n${l.zh}` : '');
const SHORT = 160;

/**
 * The browser's search: a text index (domain/browse/textIndex.ts) over every role's cards
 * (question, answer, key points, tags, topic names) and a small one over the user's notes, with
 * each card's state for filters and sorts. Lives in a worker (browse.worker.ts); kept current by
 * `refresh` (decks whose hash changed are re-indexed, notes when their stamp moved, states
 * re-read) and by `patch`.
 */
export class BrowseEngine {
  private index = new TextIndex();
  private bySlot: (Entry | undefined)[] = [];
  /** 1 for a slot whose card has a state and is not retired: a query without filters needs only this. */
  private listable: Uint8Array = new Uint8Array(0);
  private readonly cards = new Map<string, Entry>();
  private readonly deckHashes = new Map<string, string>();
  private readonly notes = new Map<string, string>();
  /** The notes' terms, to the slots of the cards whose note holds them. */
  private readonly noteTerms = new Map<string, Set<number>>();
  private noteStamp = -1;
  private result: Int32Array = new Int32Array(0);
  private resultId = 0;
  private turn: Promise<void> = Promise.resolve();
  /** Roles indexed in the refresh under way, of those it has to index. */
  progress: IndexProgress = { done: 0, total: 0 };

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
    // Decks updated often enough leave more dead slots than live ones: start again.
    if (this.index.compactable) this.clear();
    const decks = await browseDecks(this.db);
    const order = new Map(decks.map((d, i) => [d.id, i]));
    const changed = decks.filter((deck) => this.deckHashes.get(deck.id) !== deck.hash);
    this.progress = { done: 0, total: changed.length };
    for (const deck of changed) {
      await this.indexDeck(deck, order.get(deck.id)!);
      this.progress = { done: this.progress.done + 1, total: changed.length };
    }
    for (const id of [...this.deckHashes.keys()]) if (!order.has(id)) this.dropDeck(id);
    if ((await notesStamp(this.db)) !== this.noteStamp) {
      const { stamp, notes } = await browseNotes(this.db);
      this.applyNotes(notes);
      this.noteStamp = stamp;
    }
    for (const s of await browseStates(this.db)) {
      const entry = this.cards.get(s.cardId);
      if (entry) this.setState(entry, s);
    }
  }

  private setState(entry: Entry, state: SchedState): void {
    entry.state = state;
    if (entry.slot >= this.listable.length) {
      const next = new Uint8Array(Math.max(entry.slot + 1, this.listable.length * 2, 1024));
      next.set(this.listable);
      this.listable = next;
    }
    this.listable[entry.slot] = state.hidden === 'retired' ? 0 : 1;
  }

  private clear(): void {
    this.index = new TextIndex();
    this.bySlot = [];
    this.listable = new Uint8Array(0);
    this.cards.clear();
    this.deckHashes.clear();
    this.noteTerms.clear();
  }

  private async indexDeck(deck: DeckRecord, deckOrder: number): Promise<void> {
    this.dropDeck(deck.id);
    const cards = await browseDeckCards(this.db, deck.id);
    for (const card of cards) {
      if (card.retired) continue;
      const slot = this.index.add(both(card.question), restOf(card, deck));
      const entry: Entry = { info: infoOf(card, deckOrder), slot };
      this.cards.set(card.id, entry);
      this.bySlot[slot] = entry;
      const note = this.notes.get(card.id);
      if (note) this.indexNote(slot, note, true);
    }
    this.deckHashes.set(deck.id, deck.hash);
  }

  private dropDeck(deckId: string): void {
    if (!this.deckHashes.has(deckId)) return;
    for (const [id, entry] of this.cards)
      if (entry.info.deckId === deckId) {
        this.index.remove(entry.slot);
        const note = this.notes.get(id);
        if (note) this.indexNote(entry.slot, note, false);
        this.bySlot[entry.slot] = undefined;
        if (entry.slot < this.listable.length) this.listable[entry.slot] = 0;
        this.cards.delete(id);
      }
    this.deckHashes.delete(deckId);
  }

  private indexNote(slot: number, text: string, on: boolean): void {
    for (const term of new Set(tokenize(text))) {
      let slots = this.noteTerms.get(term);
      if (on) {
        if (!slots) this.noteTerms.set(term, (slots = new Set()));
        slots.add(slot);
      } else {
        slots?.delete(slot);
        if (slots?.size === 0) this.noteTerms.delete(term);
      }
    }
  }

  private applyNotes(notes: readonly CardNote[]): void {
    const next = new Map(notes.map((n) => [n.cardId, n.text]));
    for (const id of new Set([...this.notes.keys(), ...next.keys()]))
      if (this.notes.get(id) !== next.get(id)) this.setNote(id, next.get(id));
  }

  private setNote(cardId: string, text: string | undefined): void {
    const slot = this.cards.get(cardId)?.slot;
    const old = this.notes.get(cardId);
    if (slot !== undefined && old) this.indexNote(slot, old, false);
    if (text === undefined) this.notes.delete(cardId);
    else this.notes.set(cardId, text);
    if (slot !== undefined && text) this.indexNote(slot, text, true);
  }

  /** Applies what this tab just wrote, without reading it back. */
  patch(states: readonly SchedState[], notes: readonly { cardId: string; note: CardNote | undefined }[]) {
    for (const s of states) {
      const entry = this.cards.get(s.cardId);
      if (entry) this.setState(entry, s);
    }
    for (const n of notes) this.setNote(n.cardId, n.note?.text);
  }

  search(q: BrowseQuery, now: number, rolloverHour: number, lang: Language, first: number): SearchResult {
    const day = { start: startOfReviewDay(now, rolloverHour), end: endOfReviewDay(now, rolloverHour) };
    const text = q.text.trim();
    if (text && unfiltered(q)) {
      // The common case, typing with no filter and the default order: the index's order as it is,
      // checked slot by slot in a typed array (an object per hit cost more than the search).
      const slots = this.index.search(text, this.noteTerms);
      let n = 0;
      for (const slot of slots) if (this.listable[slot]) slots[n++] = slot;
      return this.finish(slots.slice(0, n), lang, first);
    }
    const matching: Entry[] = [];
    const keep = (entry: Entry | undefined) => {
      if (entry?.state && passes(entry.info, entry.state, q, day)) matching.push(entry);
    };
    if (text) for (const slot of this.index.search(text, this.noteTerms)) keep(this.bySlot[slot]);
    else for (const entry of this.bySlot) keep(entry);
    // A text search lists the best matches first unless another order was chosen.
    const ordered =
      text && q.sort === 'due' && !q.desc
        ? matching
        : sortCards(
            matching.map((e) => ({ info: e.info, state: e.state!, slot: e.slot })),
            q,
          );
    return this.finish(
      Int32Array.from(ordered, (e) => e.slot),
      lang,
      first,
    );
  }

  private finish(result: Int32Array, lang: Language, first: number): SearchResult {
    this.result = result;
    this.resultId += 1;
    return {
      total: this.result.length,
      rows: this.rows(this.resultId, 0, first, lang),
      result: this.resultId,
    };
  }

  rows(result: number, from: number, to: number, lang: Language): BrowseRow[] {
    if (result !== this.resultId) return [];
    const out: BrowseRow[] = [];
    for (const slot of this.result.subarray(from, to)) {
      const entry = this.bySlot[slot];
      if (entry?.state) out.push(rowOf(entry.info, entry.state, lang));
    }
    return out;
  }

  ids(result: number): string[] {
    if (result !== this.resultId) return [];
    return Array.from(this.result, (slot) => this.bySlot[slot]?.info.cardId).filter(
      (id): id is string => id !== undefined,
    );
  }

  size(): IndexSize {
    let noteBytes = 0;
    for (const [term, slots] of this.noteTerms) noteBytes += term.length * 2 + slots.size * 8;
    const { documents, terms, bytes } = this.index.size();
    return { documents, terms: terms + this.noteTerms.size, bytes: bytes + noteBytes };
  }
}

/** No filter and the default order (due, ascending): a text query lists its best matches first. */
const unfiltered = (q: BrowseQuery) =>
  !q.role &&
  !q.topic &&
  !q.state &&
  !q.suspended &&
  !q.buried &&
  !q.leech &&
  q.flag === null &&
  !q.due &&
  q.difficulty === null &&
  q.sort === 'due' &&
  !q.desc;

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

/** Everything searchable of a card but its question (and the user's note, indexed apart). */
function restOf(card: CardRecord, deck: DeckRecord): string {
  const keyPoints = (card.keyPoints ?? []).map(both).join('\n');
  return [both(card.answer), keyPoints, card.tags.join(' '), card.topic, both(deck.topics[card.topic])].join(
    '\n',
  );
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
