import { describe, expect, it } from 'vitest';
import { builtinFiles, deck, review, T0 } from '../../../tests/fixtures/data/seed';
import { roleSettings } from '../../domain/settings/settings';
import { syncDecks } from '../deckSync';
import { loadSettings } from '../settings';
import { snapshotInfo } from '../backup/snapshot';
import { countWrites, freshDb } from '../testing';
import { importDeck, previewDeckImport } from './deckImport';

const v1 = deck('user-llm', ['tokens', 'attention', 'kv-cache'], 'LLM');
const v2 = {
  ...v1,
  cards: [
    { ...v1.cards[0]!, answer: { en: 'A better answer', zh: '更好的答案' } },
    v1.cards[1]!,
    { ...v1.cards[1]!, id: 'user-llm.rope' },
  ],
};

describe('importing a user deck', () => {
  it('adds it as a role beside the built-in ones, switched on for the daily review', async () => {
    const db = freshDb();
    await syncDecks(db, builtinFiles());
    expect(await previewDeckImport(db, v1)).toMatchObject({ updates: false, cards: 3, added: 3 });
    await importDeck(db, v1, { enable: true, now: T0 });
    expect(await db.decks.get('user-llm')).toMatchObject({ source: 'user', cardCount: 3 });
    expect(await db.states.where('deckId').equals('user-llm').count()).toBe(3);
    expect(roleSettings(await loadSettings(db), 'user-llm').enabled).toBe(true);
    expect(await snapshotInfo(db)).toBeNull();
  });

  it('re-importing an updated deck keeps the progress of cards whose ids are unchanged', async () => {
    const db = freshDb();
    await importDeck(db, v1, { enable: false, now: T0 });
    await review(db, ['user-llm.tokens', 'user-llm.attention', 'user-llm.kv-cache'], 2);
    const tokens = await db.states.get('user-llm.tokens');
    const attention = await db.states.get('user-llm.attention');

    expect(await previewDeckImport(db, v2)).toEqual({
      deckId: 'user-llm',
      updates: true,
      cards: 3,
      added: 1,
      changed: 1,
      kept: 2,
      retired: 1,
    });
    await importDeck(db, v2, { enable: false, now: T0 });
    expect(await db.states.get('user-llm.tokens')).toEqual(tokens);
    expect(await db.states.get('user-llm.attention')).toEqual(attention);
    expect((await db.cards.get('user-llm.tokens'))!.answer.en).toBe('A better answer');
    expect(await db.states.get('user-llm.rope')).toMatchObject({ state: 0, reps: 0 });
    expect(await db.states.get('user-llm.kv-cache')).toMatchObject({ hidden: 'retired', reps: 2 });
    expect(await db.logs.where('cardId').equals('user-llm.kv-cache').count()).toBe(2);
    expect((await db.decks.get('user-llm'))!.version).toBe(2);
  });

  it('importing the same file again writes nothing', async () => {
    const db = freshDb();
    await importDeck(db, v1, { enable: false, now: T0 });
    const writes = await countWrites(db);
    await importDeck(db, v1, { enable: false, now: T0 });
    expect(writes.count).toBe(0);
  });

  it('the start-up sync of built-in decks never retires or overwrites user decks', async () => {
    const db = freshDb();
    await syncDecks(db, builtinFiles());
    await importDeck(db, v1, { enable: false, now: T0 });
    await review(db, ['user-llm.tokens'], 1);
    const userRows = async () => ({
      deck: await db.decks.get('user-llm'),
      cards: await db.cards.where('deckId').equals('user-llm').toArray(),
      states: await db.states.where('deckId').equals('user-llm').toArray(),
      logs: await db.logs.where('cardId').startsWith('user-llm.').toArray(),
    });
    const before = await userRows();
    const report = await syncDecks(
      db,
      builtinFiles().map((f) => ({ ...f, hash: `${f.hash}-v2` })),
    );
    expect(report.synced).toEqual(['fundamentals', 'rag']);
    expect(await userRows()).toEqual(before);
    expect(before.states.every((s) => s.hidden === null)).toBe(true);
  });

  it('refuses to import over a built-in deck id', async () => {
    const db = freshDb();
    await expect(importDeck(db, deck('rag', ['x']), { enable: false, now: T0 })).rejects.toThrow(
      'not an imported deck',
    );
  });
});
