import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { type AppDb } from './db';
import { openDb } from './openDb';
import type { DeckFile } from './deckSync';

let counter = 0;

/** A fresh database per test (fake-indexeddb in tests). */
export function freshDb(): AppDb {
  counter += 1;
  return openDb(`test-${counter}-${Math.random().toString(36).slice(2)}`);
}

/**
 * Counts every write that reaches IndexedDB, to prove that an operation wrote nothing.
 * Dexie builds its middleware stack when the database opens, so this reopens it.
 */
export async function countWrites(db: AppDb): Promise<{ readonly count: number }> {
  const counter = { count: 0 };
  db.close();
  db.use({
    stack: 'dbcore',
    name: 'count-writes',
    create: (down: DBCore) => ({
      ...down,
      table: (name: string) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) => {
            counter.count += 1;
            return table.mutate(req);
          },
        };
      },
    }),
  });
  await db.open();
  return counter;
}

/** Makes every write to `tableName` fail, as a full disk would. Reopens the database. */
export async function failWrites(
  db: AppDb,
  tableName: string,
  message = 'QuotaExceededError',
): Promise<void> {
  db.close();
  db.use({
    stack: 'dbcore',
    name: `fail-${tableName}`,
    create: (down: DBCore) => ({
      ...down,
      table: (name: string) => {
        const table = down.table(name);
        if (name !== tableName) return table;
        return { ...table, mutate: () => Promise.reject(new Error(message)) };
      },
    }),
  });
  await db.open();
}

/** A valid deck card for tests: id `<deckId>.<key>`, its text made from the key. */
export const testCard = (deckId: string, key: string, topic = 't') => ({
  id: `${deckId}.${key}`,
  topic,
  tags: [],
  difficulty: 1,
  type: 'concept',
  question: { en: `Q ${key}`, zh: `问 ${key}` },
  answer: { en: `A ${key}`, zh: `答 ${key}` },
});

/** A deck file as deck sync reads them, titled with the id in capitals, holding `cards`. */
export function testDeckFile(deckId: string, cards: unknown[], hash = 'h', extra: object = {}): DeckFile {
  const content = {
    id: deckId,
    version: 1,
    title: { en: deckId.toUpperCase(), zh: deckId },
    description: { en: 'd', zh: 'd' },
    ...extra,
    cards,
  };
  return { id: deckId, file: `decks/${deckId}.json`, hash, load: async () => content };
}
