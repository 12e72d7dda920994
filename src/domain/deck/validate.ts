import '../jitless';
import { MARKDOWN_LIMITS, markdownOverLimit, type MarkdownLimit } from '../import/markdownLimits';
import type { Reason } from '../import/reason';
import { reasonOfIssue } from '../import/reason';
import type { DeckProblem } from './problem';
import { deckSchema, type Deck, type DeckCard } from './schema';

export type DeckValidation = { ok: true; deck: Deck } | { ok: false; problems: DeckProblem[] };

function cardIdAt(raw: unknown, index: unknown): string | null {
  if (typeof index !== 'number' || typeof raw !== 'object' || raw === null) return null;
  const cards = (raw as { cards?: unknown }).cards;
  const card = Array.isArray(cards) ? (cards[index] as { id?: unknown } | undefined) : undefined;
  return typeof card?.id === 'string' ? card.id : `#${index + 1}`;
}

const limitMessages: Record<MarkdownLimit, string> = {
  nesting: 'nests quotes or lists {value} levels deep',
  codeNesting: 'has code with brackets nested {value} deep',
  delimitersPerBlock: 'has {value} emphasis marks (*, _, ~) in one paragraph',
  delimiterRun: 'has {value} emphasis marks (*, _, ~) in a row',
  emphasisNesting: 'nests emphasis {value} levels deep',
  formulasPerBlock: 'has {value} formulas in one paragraph',
  formulas: 'has {value} formulas',
  mathCells: 'has {value} matrix cells in its math',
  blockChars: 'has a paragraph of {value} characters',
  mathCharsPerBlock: 'has {value} characters of math in one paragraph',
};

/** A card's Markdown that the renderer could not show in time (or at all), by field. */
export function cardTextProblems(card: DeckCard): { field: string; message: string; reason: Reason }[] {
  const texts: [string, string][] = [];
  const add = (field: string, value: { en: string; zh: string } | undefined) => {
    if (value) texts.push([`${field}.en`, value.en], [`${field}.zh`, value.zh]);
  };
  add('question', card.question);
  add('answer', card.answer);
  add('pitfalls', card.pitfalls);
  card.followUps?.forEach((f, i) => add(`followUps.${i}`, f));
  card.keyPoints?.forEach((k, i) => add(`keyPoints.${i}`, k));
  return texts.flatMap(([field, text]) => {
    const over = markdownOverLimit(text);
    if (!over) return [];
    const max = MARKDOWN_LIMITS[over.limit];
    const what = limitMessages[over.limit].replace('{value}', over.value.toLocaleString('en'));
    return [
      {
        field,
        message: `${what}; at most ${max.toLocaleString('en')}`,
        reason: { code: over.limit, values: { value: over.value, max } },
      },
    ];
  });
}

/** Validates parsed JSON as a deck, naming the file, card and field of every problem. */
export function validateDeck(raw: unknown, file: string, expectedId?: string): DeckValidation {
  const result = deckSchema.safeParse(raw);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.slice(0, 50).map((issue) => ({
        file,
        cardId: issue.path[0] === 'cards' ? cardIdAt(raw, issue.path[1]) : null,
        field: issue.path.join('.') || '(root)',
        message: issue.message,
        reason: reasonOfIssue(issue, raw),
      })),
    };
  }
  const textProblems = result.data.cards.flatMap((card) =>
    cardTextProblems(card).map(({ field, message, reason }) => ({
      file,
      cardId: card.id,
      field: `cards.${result.data.cards.indexOf(card)}.${field}`,
      message,
      reason,
    })),
  );
  if (textProblems.length) return { ok: false, problems: textProblems.slice(0, 50) };
  if (expectedId !== undefined && result.data.id !== expectedId) {
    return {
      ok: false,
      problems: [{ file, cardId: null, field: 'id', message: `must equal the file name "${expectedId}"` }],
    };
  }
  return { ok: true, deck: result.data };
}
