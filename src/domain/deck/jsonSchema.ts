import { z } from 'zod';
import { deckSchema } from './schema';

/** The deck format as JSON Schema, for editors; generated into decks/deck.schema.json. */
export function deckJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(deckSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }),
    $id: 'https://github.com/interview-recall/interview-recall/decks/deck.schema.json',
    title: 'Interview Recall deck',
    description: 'A deck of bilingual (en/zh) interview flashcards. See docs/deck-format.md.',
  };
}

export const deckJsonSchemaText = () => `${JSON.stringify(deckJsonSchema(), null, 2)}\n`;
