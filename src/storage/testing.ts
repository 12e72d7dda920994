import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { newState } from '../domain/scheduling/newState';
import { CardState, type SchedState } from '../domain/scheduling/types';
import { toRow, type AppDb } from './db';
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

const DAY = 86_400_000;

/**
 * A fresh database holding role `rag` with `count` review cards, all due a day before `now` (card
 * i a minute later than card i - 1), and their content: questions `Q<i>`, answers `A<i>`.
 */
export async function dueReviewCards(count: number, now: number): Promise<AppDb> {
  const db = freshDb();
  const due = (i: number): SchedState => ({
    ...newState(`rag.c${i}`, 'rag', i),
    state: CardState.Review,
    stability: 3,
    difficulty: 5,
    lastReview: now - 4 * DAY - i * 60_000,
    due: now - DAY - i * 60_000,
    reps: 2,
  });
  await db.states.bulkPut(Array.from({ length: count }, (_, i) => toRow(due(i))));
  await db.decks.put({
    id: 'rag',
    version: 1,
    title: { en: 'R', zh: 'R' },
    description: { en: 'd', zh: 'd' },
    topics: {},
    source: 'builtin',
    hash: 'h',
    cardCount: count,
  });
  await db.cards.bulkPut(
    Array.from({ length: count }, (_, i) => ({
      id: `rag.c${i}`,
      deckId: 'rag',
      position: i,
      hash: 'h',
      retired: false,
      topic: 't',
      tags: [],
      difficulty: 1 as const,
      type: 'concept' as const,
      question: { en: `Q${i}`, zh: `问${i}` },
      answer: { en: `A${i}`, zh: `答${i}` },
    })),
  );
  return db;
}
