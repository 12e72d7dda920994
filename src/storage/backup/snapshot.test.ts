import { describe, expect, it } from 'vitest';
import { builtinFiles, deck, fingerprint, review, seeded, T0, DAY } from '../../../tests/fixtures/data/seed';
import type { BackupData } from '../../domain/backup/format';
import { syncDecks } from '../deckSync';
import { deleteUserDeck, importDeck } from '../importExport/deckImport';
import { getNote, saveNote } from '../notes';
import { freshDb } from '../testing';
import { collectAll } from './collect';
import { restoreBackup, rollBack } from './restore';
import { readSnapshot, snapshotInfo } from './snapshot';

describe('automatic snapshot and rollback', () => {
  it('rolls a restore back to exactly what was there, and the rollback back again', async () => {
    const db = await seeded(freshDb());
    const mine = await fingerprint(db);
    const other = freshDb();
    await syncDecks(other, builtinFiles());
    await review(other, ['rag.z'], 2, T0 + 40 * DAY);
    const theirs: BackupData = await collectAll(other, T0);
    theirs.decks = [];

    await restoreBackup(db, theirs, 'replace', T0 + 50 * DAY);
    const restored = await fingerprint(db);
    expect(restored.logs).toEqual((await fingerprint(other)).logs);

    await rollBack(db, T0 + 51 * DAY);
    expect(await fingerprint(db)).toEqual(mine);
    expect(await snapshotInfo(db)).toMatchObject({ reason: 'rollback', createdAt: T0 + 51 * DAY });

    await rollBack(db, T0 + 52 * DAY);
    expect(await fingerprint(db)).toEqual(restored);
  });

  it('keeps large histories in parts and reads them back whole', async () => {
    const db = await seeded(freshDb());
    const first = (await db.logs.toCollection().first())!;
    const many = Array.from({ length: 45_000 }, (_, i) => ({
      ...first,
      id: `bulk-${String(i).padStart(5, '0')}`,
    }));
    await db.logs.bulkAdd(many);
    await restoreBackup(db, { createdAt: T0, settings: {}, decks: [], states: [], logs: [] }, 'replace', T0);
    const snap = await readSnapshot(db);
    expect(snap?.info.parts).toBe(4);
    expect(snap?.data.logs).toHaveLength(45_012);
    // Seeding 45,000 logs into fake-indexeddb takes seconds on a loaded machine.
  }, 30_000);

  it('snapshots a deck before a re-import changes it, and before it is deleted', async () => {
    const db = await seeded(freshDb());
    const original = await fingerprint(db);
    await importDeck(db, deck('user-mine', ['two', 'three'], 'Mine'), { enable: false, now: T0 + DAY });
    expect(await snapshotInfo(db)).toMatchObject({
      reason: 'import',
      scope: { kind: 'deck', deckId: 'user-mine' },
    });
    await rollBack(db, T0 + 2 * DAY);
    expect(await fingerprint(db)).toEqual(original);

    await deleteUserDeck(db, 'user-mine', T0 + 3 * DAY);
    expect(await db.decks.get('user-mine')).toBeUndefined();
    expect(await db.logs.where('cardId').startsWith('user-mine.').count()).toBe(0);
    await rollBack(db, T0 + 4 * DAY);
    expect(await fingerprint(db)).toEqual(original);
  });

  it("deletes the user's notes with their deck, and a rollback brings them back", async () => {
    const db = await seeded(freshDb());
    await importDeck(db, deck('user-mine', ['two', 'three'], 'Mine'), { enable: false, now: T0 + DAY });
    const cardId = (await db.cards.where('deckId').equals('user-mine').first())!.id;
    await saveNote(db, cardId, 'user-mine', 'My own project story', T0 + DAY);

    await deleteUserDeck(db, 'user-mine', T0 + 2 * DAY);
    expect(await getNote(db, cardId)).toBeUndefined();
    await rollBack(db, T0 + 3 * DAY);
    expect((await getNote(db, cardId))?.text).toBe('My own project story');
  });
});
