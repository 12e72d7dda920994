import { describe, expect, it } from 'vitest';
import { syntheticDeck } from '../bench/content';
import { generateHistory } from '../bench/history';
import { hashString } from '../src/domain/deck/hash';
import { syncDecks } from '../src/storage/deckSync';
import { freshDb } from '../src/storage/testing';

describe('the bench collection', () => {
  it('plays its two years of reviews through the scheduler, which accepts every one', async () => {
    const db = freshDb();
    const decks = [syntheticDeck(7, 0, 40), syntheticDeck(7, 1, 40)];
    const files = decks.map((deck) => ({
      id: deck.id,
      file: `synthetic/${deck.id}.json`,
      hash: hashString(JSON.stringify(deck)),
      load: async () => deck,
    }));
    await syncDecks(db, files, 'user');
    await generateHistory(db, decks, 7, 1500, new Date(2026, 5, 1, 4).getTime());
    expect(await db.logs.count()).toBeGreaterThan(500);
    expect((await db.states.toArray()).filter((s) => s.reps > 0).length).toBeGreaterThan(40);
  }, 60_000);
});
