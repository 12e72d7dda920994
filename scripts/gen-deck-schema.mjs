import { writeFileSync } from 'node:fs';
import { createServer } from 'vite';

/** Writes decks/deck.schema.json from the zod schema (the source of truth). */
const server = await createServer({ server: { middlewareMode: true }, appType: 'custom', logLevel: 'error' });
try {
  const { deckJsonSchemaText } = await server.ssrLoadModule('/src/domain/deck/jsonSchema.ts');
  writeFileSync('decks/deck.schema.json', deckJsonSchemaText());
  console.log('wrote decks/deck.schema.json');
} finally {
  await server.close();
}
