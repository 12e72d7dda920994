import type { DeckCard } from './schema';

/** The topic a text import (CSV/TSV, Anki text) gives every card: it names no topic of the user's. */
export const TEXT_IMPORT_TOPIC = 'general';

/**
 * Whether the card's topic, type and difficulty were given by its author. A text import has one
 * language (the same text in both) and no such columns: the importer fills them in, and showing
 * those placeholders would invent labels the user never gave.
 */
export function hasAuthoredLabels(card: Pick<DeckCard, 'topic' | 'question' | 'answer'>): boolean {
  const singleLanguage = card.question.en === card.question.zh && card.answer.en === card.answer.zh;
  return !(singleLanguage && card.topic === TEXT_IMPORT_TOPIC);
}

/** Whether both languages say the same text: a single-language card shows it once. */
export const isSingleLanguage = (text: { en: string; zh: string }) => text.en === text.zh;
