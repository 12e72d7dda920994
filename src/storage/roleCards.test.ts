import { describe, expect, it } from 'vitest';
import { DAY, deck, review, scheduler, seeded, T0 } from '../../tests/fixtures/data/seed';
import { HIDDEN } from '../domain/stats/stateColumns';
import { collectAll } from './backup/collect';
import { restoreBackup } from './backup/restore';
import { buryCards, suspendCards } from './cardActions';
import { fromRow, type AppDb } from './db';
import { deleteUserDeck, importDeck } from './importExport/deckImport';
import { recordReview, undoReview } from './reviews';
import { cardIdsOf, loadRoleColumns, type RoleColumns } from './roleCards';
import { refreshSnapshots } from './snapshots/loadSnapshots';
import { freshDb } from './testing';

interface Shown {
  state: number;
  hidden: string | null;
  due: number;
}

/** What the role page shows of each card (its group and due), from the columns it reads. */
function shown(c: RoleColumns): Record<string, Shown> {
  const ids = cardIdsOf(c);
  return Object.fromEntries(
    ids.map((id, i) => [id, { state: c.state[i]!, hidden: HIDDEN[c.hidden[i]!] ?? null, due: c.due[i]! }]),
  );
}

/** The same, from the state records. */
async function stored(db: AppDb, deckId: string): Promise<Record<string, Shown>> {
  const rows = await db.states.where('deckId').equals(deckId).toArray();
  return Object.fromEntries(
    rows.map((r) => [r.cardId, { state: r.state, hidden: r.hidden ?? null, due: r.due }]),
  );
}

const ROLES = ['fundamentals', 'rag', 'user-mine', 'user-big'];

/** Every role's page agrees with its state records, read once and again (from the written snapshot). */
async function expectCurrent(db: AppDb) {
  for (const role of ROLES)
    expect(shown(await loadRoleColumns(db, role)), role).toEqual(await stored(db, role));
  await refreshSnapshots(db);
  for (const role of ROLES)
    expect(shown(await loadRoleColumns(db, role)), role).toEqual(await stored(db, role));
}

const state = async (db: AppDb, id: string) => fromRow((await db.states.get(id))!);

describe('a role page reads its cards from the state snapshot', () => {
  it('shows every card as stored after reviews, undo, suspension, burial, deck import and deletion, and restore', async () => {
    const db = await seeded(freshDb());
    await expectCurrent(db);

    await review(db, ['fundamentals.c', 'rag.y'], 2, T0 + 5 * DAY);
    await expectCurrent(db);

    const before = await state(db, 'fundamentals.d');
    const { next, log } = scheduler.answer(before, 3, T0 + 9 * DAY, 1000, 'to-undo');
    await recordReview(db, next, log, before);
    await expectCurrent(db);
    await undoReview(db, before, 'to-undo', next);
    await expectCurrent(db);
    expect(shown(await loadRoleColumns(db, 'fundamentals'))['fundamentals.d']!.state).toBe(before.state);

    await suspendCards(db, ['fundamentals.a', 'user-mine.two']);
    await buryCards(db, ['rag.x'], T0 + 10 * DAY, 4);
    await expectCurrent(db);

    const many = Array.from({ length: 600 }, (_, i) => `c${i}`);
    await importDeck(db, deck('user-big', many), { enable: true, now: T0 });
    await expectCurrent(db);
    // Updated without 100 of its cards: those are retired, their history kept.
    await importDeck(db, { ...deck('user-big', many.slice(100)), version: 2 }, { enable: true, now: T0 });
    await expectCurrent(db);
    const big = await loadRoleColumns(db, 'user-big');
    expect([...big.hidden].filter((h) => HIDDEN[h] === 'retired')).toHaveLength(100);

    await deleteUserDeck(db, 'user-big', T0);
    expect(cardIdsOf(await loadRoleColumns(db, 'user-big'))).toEqual([]);
    await expectCurrent(db);

    const other = await seeded(freshDb());
    await review(other, ['fundamentals.e', 'user-mine.two'], 3, T0 + 2 * DAY);
    await restoreBackup(db, await collectAll(other, T0 + 20 * DAY), 'replace', T0 + 20 * DAY);
    await expectCurrent(db);
    expect(shown(await loadRoleColumns(db, 'user-mine'))).toEqual(await stored(other, 'user-mine'));
  });
});
