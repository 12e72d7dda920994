import { describe, expect, it } from 'vitest';
import { builtinFiles, DAY, seeded, T0 } from '../../../tests/fixtures/data/seed';
import { validateBackup } from '../../domain/backup/validate';
import { BACKUP_VERSION } from '../../domain/backup/format';
import { parseJson } from '../../domain/import/safeJson';
import { buryCards, flagCards, resetCards, suspendCards } from '../cardActions';
import { syncDecks } from '../deckSync';
import type { AppDb } from '../db';
import { saveNote } from '../notes';
import { freshDb } from '../testing';
import { restoreBackup, rollBack } from './restore';
import { writeBackup } from './writeBackup';

async function backupOf(db: AppDb) {
  let text = '';
  await writeBackup(db, T0 + 10 * DAY, { write: (t) => (text += t), progress: () => {} });
  const json = parseJson(text);
  if (!json.ok) throw new Error(JSON.stringify(json.problem));
  const result = validateBackup(json.value, text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { text, data: result.value };
}

async function wiped() {
  const db = freshDb();
  await syncDecks(db, builtinFiles());
  return db;
}

/** The user's card data: what a backup must carry. */
const cardData = async (db: AppDb) => ({
  states: (await db.states.toArray()).map(({ cardId, hidden, flag, leech, buriedUntil, resetAt }) => ({
    cardId,
    hidden,
    flag,
    leech,
    buriedUntil,
    resetAt,
  })),
  notes: await db.notes.toArray(),
});

async function marked() {
  const db = await seeded(freshDb());
  await suspendCards(db, ['rag.y']);
  await flagCards(db, ['rag.y', 'fundamentals.a'], 5);
  await buryCards(db, ['rag.z'], T0, 4);
  await db.states.update('fundamentals.a', { leech: true });
  await saveNote(db, 'rag.y', 'rag', 'My **story**: 我的项目', T0);
  await resetCards(db, ['rag.y'], T0 + DAY);
  return db;
}

describe('backups of the user card data', () => {
  it('carry suspension, burial, flags, leech marks, progress resets and notes through replace', async () => {
    const db = await marked();
    expect((await db.states.get('rag.y'))?.resetAt).toBeGreaterThanOrEqual(T0 + DAY);
    const { text, data } = await backupOf(db);
    expect(text).toContain('"notes": [');
    expect(data.notes).toEqual([
      { cardId: 'rag.y', deckId: 'rag', text: 'My **story**: 我的项目', updated: T0 },
    ]);
    const fresh = await wiped();
    await saveNote(fresh, 'rag.z', 'rag', 'gone after replace', T0);
    await restoreBackup(fresh, data, 'replace', T0 + 11 * DAY);
    expect(await cardData(fresh)).toEqual(await cardData(db));
  });

  it('merge adds the notes of cards without one here and keeps the ones here; a rollback undoes it', async () => {
    const db = await marked();
    const { data } = await backupOf(db);
    const here = await wiped();
    await saveNote(here, 'rag.y', 'rag', 'mine here', T0);
    await restoreBackup(
      here,
      { ...data, notes: [...data.notes!, { ...data.notes![0]!, cardId: 'rag.z' }] },
      'merge',
      T0,
    );
    expect((await here.notes.toArray()).map((n) => [n.cardId, n.text])).toEqual([
      ['rag.y', 'mine here'],
      ['rag.z', 'My **story**: 我的项目'],
    ]);
    await rollBack(here, T0 + DAY);
    expect((await here.notes.toArray()).map((n) => n.cardId)).toEqual(['rag.y']);
  });

  it('a note or flag out of range is refused by name, with its card', async () => {
    const { text } = await backupOf(await marked());
    const edited = (from: string, to: string) => {
      const t = text.replace(from, to).replace(/,\n "checksum": "[^"]*"/, '');
      const json = parseJson(t);
      return json.ok ? validateBackup(json.value, t) : null;
    };
    expect(edited('"flag":5', '"flag":9')).toMatchObject({
      ok: false,
      problems: [{ field: 'states.0.flag', reason: { code: 'wholeRange', values: { min: 1, max: 7 } } }],
    });
    expect(edited('"updated":', '"updated":"x","u":')).toMatchObject({ ok: false });
    const older = edited(`"version": ${BACKUP_VERSION}`, '"version": 4');
    expect(older?.ok === false && older.problems[0]).toMatchObject({
      field: 'states.0.flag',
      reason: { code: 'notStateField' },
    });
    // A reset's time is a field of a state from version 6 on.
    const five = edited(`"version": ${BACKUP_VERSION}`, '"version": 5');
    expect(five?.ok === false && five.problems.map((p) => p.field)).toEqual([
      expect.stringMatching(/^states\.\d+\.resetAt$/),
    ]);
  });
});
