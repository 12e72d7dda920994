import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { scheduler, seeded, T0 } from '../../../tests/fixtures/data/seed';
import { fromRow, type AppDb } from '../db';
import { openDb } from '../openDb';
import { recordReview, undoReview } from '../reviews';
import { freshDb } from '../testing';
import {
  expectBlocksMatchMonths,
  exportText,
  expectedText,
  expectExportsExact,
  history,
  makeLog,
  monthsNotCurrent,
} from './fixtures';
import { monthOf, monthStart } from './logMonths';
import { refreshLogBlocks } from './refreshLogBlocks';

const settled = async (db: AppDb) => (await monthsNotCurrent(db)) === 0;

async function withHistory(n = 900) {
  const db = await seeded(freshDb());
  await db.logs.bulkAdd(history(n));
  return db;
}

describe('review history export from log blocks', () => {
  it('is the same, byte for byte, before any block is built and after', async () => {
    const db = await withHistory();
    await expectExportsExact(db);
    await refreshLogBlocks(db);
    expect(await settled(db)).toBe(true);
    await expectBlocksMatchMonths(db);
    await expectExportsExact(db);
  });

  it('reads the blocks, and stops trusting one as soon as its month changes', async () => {
    const db = await withHistory();
    await refreshLogBlocks(db);
    const block = (await db.logBlocks.get(['rag', monthOf(T0 - 30 * 86_400_000)]))!;
    expect(block.count).toBeGreaterThan(0);
    // Tampered with behind the tracking's back, the block shows in the export: it is what is read.
    block.durationMs[0] = 987_654;
    await db.logBlocks.put(block);
    expect(await exportText(db, { deckId: 'rag' })).toContain(',987654\n');
    // A review in that month marks it: the export reads that month from the logs again.
    await db.logs.add(makeLog('late', 'rag.x', monthStart(block.month) + 1000));
    await expectExportsExact(db);
    await refreshLogBlocks(db);
    await expectExportsExact(db);
  });

  it('stays exact through reviews, undo, deletes and blocks gone missing, before and after a refresh', async () => {
    const db = await withHistory();
    await refreshLogBlocks(db);

    const previous = fromRow((await db.states.get('rag.y'))!);
    const { next, log } = scheduler.answer(previous, 3, T0 + 3_600_000, 5000, 'undo-me');
    await recordReview(db, next, log);
    const kept = scheduler.answer(fromRow((await db.states.get('rag.z'))!), 1, T0, 3000, 'kept');
    await recordReview(db, kept.next, kept.log);
    await expectExportsExact(db);
    await undoReview(db, previous, 'undo-me');
    await expectExportsExact(db);

    const firstMonth = monthStart(monthOf(Date.UTC(2025, 10, 1)));
    await db.logs
      .where('[deckId+review]')
      .between(['fundamentals', firstMonth], ['fundamentals', firstMonth + 20 * 86_400_000])
      .delete();
    await db.logs.where('[deckId+review]').between(['a', Dexie.minKey], ['a', Dexie.maxKey]).delete();
    await expectExportsExact(db);
    await refreshLogBlocks(db);
    await expectBlocksMatchMonths(db);
    await expectExportsExact(db);

    const keys = await db.logBlocks.toCollection().primaryKeys();
    await db.logBlocks.bulkDelete(keys.filter((_, i) => i % 2 === 0));
    await expectExportsExact(db);
  });

  it('after the logs are cleared, uses no block until every month is rebuilt', async () => {
    const db = await withHistory();
    await refreshLogBlocks(db);
    await db.logs.clear();
    expect(await exportText(db)).toBe(await expectedText(db));
    await db.logs.bulkAdd(history(300, 7, 'new'));
    await expectExportsExact(db);
    await refreshLogBlocks(db);
    expect(await settled(db)).toBe(true);
    await expectBlocksMatchMonths(db);
    await expectExportsExact(db);
  });

  it('builds the blocks of a database upgraded from v3, which has logs but no marks', async () => {
    const name = `v3-${Math.random().toString(36).slice(2)}`;
    const v3 = new Dexie(name);
    v3.version(1).stores({
      decks: 'id',
      cards: 'id, deckId',
      states: 'cardId, deckId, [deckId+queue+due], due',
      logs: 'id, cardId, review, [deckId+review]',
      settings: 'key',
    });
    v3.version(2).stores({ days: '[deckId+day]' });
    v3.version(3).stores({ cards: 'id, deckId, [deckId+topic]' });
    await v3.open();
    await v3.table('logs').bulkAdd(history(600, 3));
    v3.close();

    const db = openDb(name);
    expect(await monthsNotCurrent(db)).toBe(Infinity);
    await expectExportsExact(db);
    await refreshLogBlocks(db);
    expect(await settled(db)).toBe(true);
    await expectBlocksMatchMonths(db);
    await expectExportsExact(db);
    db.close();
  });
});
