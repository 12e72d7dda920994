import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../domain/settings/settings';
import { syncDecks } from './deckSync';
import { loadOverview } from './overview';
import { freshDb, testCard, testDeckFile } from './testing';

describe('loadOverview', () => {
  it('gives every role in the listed order, or only those asked for, with their counts', async () => {
    const db = freshDb();
    await syncDecks(db, [
      testDeckFile('rag', [testCard('rag', 'r1'), testCard('rag', 'r2')], 'r'),
      testDeckFile('fundamentals', [testCard('fundamentals', 'f1')], 'f'),
    ]);
    const order = ['fundamentals', 'rag'];
    const all = await loadOverview(db, defaultSettings, Date.now(), order);
    expect(all.map((r) => r.deck.id)).toEqual(['fundamentals', 'rag']);
    const some = await loadOverview(db, defaultSettings, Date.now(), order, (d) => d.id === 'rag');
    expect(some.map((r) => [r.deck.id, r.today])).toEqual([['rag', all[1]!.today]]);
    expect(some[0]!.today.new).toBe(2);
  });
});
