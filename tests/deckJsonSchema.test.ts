import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { deckJsonSchemaText } from '../src/domain/deck/jsonSchema';

it('decks/deck.schema.json matches the zod schema (run `npm run decks:schema` after changing it)', () => {
  const onDisk = readFileSync(join(__dirname, '..', 'decks', 'deck.schema.json'), 'utf8');
  expect(onDisk).toBe(deckJsonSchemaText());
});
