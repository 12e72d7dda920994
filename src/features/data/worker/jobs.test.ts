import { describe, expect, it } from 'vitest';
import { builtinFiles, deck } from '../../../../tests/fixtures/data/seed';
import { syncDecks } from '../../../storage/deckSync';
import { cardIdsOf } from '../../../storage/snapshots/stateSnapshot';
import { freshDb } from '../../../storage/testing';
import { handleJob } from './jobs';

const file = (slugs: string[]) => new Blob([JSON.stringify(deck('rag', slugs, 'My RAG'))]);
const request = (content: Blob) => ({
  file: content,
  fileName: 'rag.json',
  name: 'My RAG',
  lang: 'en' as const,
});

describe('deck import jobs', () => {
  it('check a deck in the worker and answer with a preview, never its cards; the import repeats the parse there', async () => {
    const db = freshDb();
    await syncDecks(db, builtinFiles());
    const checked = await handleJob(
      { kind: 'checkDeck', dbName: db.name, ...request(file(['a', 'b'])) },
      db,
      () => {},
    );
    expect(checked).toEqual({
      kind: 'checkDeck',
      check: {
        ok: true,
        name: 'My RAG',
        format: 'json',
        warnings: [],
        preview: expect.objectContaining({ deckId: 'user-my-rag', updates: false, cards: 2 }),
      },
    });
    expect(JSON.stringify(checked)).not.toContain('What is a?');

    const imported = await handleJob(
      {
        kind: 'importDeck',
        dbName: db.name,
        ...request(file(['a', 'b'])),
        enable: true,
        now: Date.UTC(2026, 0, 1),
      },
      db,
      () => {},
    );
    expect(imported).toEqual({ kind: 'imported', deckId: 'user-my-rag', name: 'My RAG' });
    const ids = await db.cards.where('deckId').equals('user-my-rag').primaryKeys();
    expect(ids).toHaveLength(2);
    // The role's state snapshot is written before the import reports done: its page opens on it.
    const snapshot = await db.snapshots.get('user-my-rag');
    expect(snapshot && cardIdsOf(snapshot).sort()).toEqual(ids);

    const broken = new Blob(['{"id": "rag", "cards": []}']);
    await expect(
      handleJob(
        { kind: 'importDeck', dbName: db.name, ...request(broken), enable: true, now: 0 },
        db,
        () => {},
      ),
    ).rejects.toThrow('The file changed after it was checked');
  });
});
