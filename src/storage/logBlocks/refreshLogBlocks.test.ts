import Dexie, { type DBCore, type DBCoreQueryRequest } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { AppDb } from '../db';
import { countWrites, freshDb } from '../testing';
import { expectBlocksMatchMonths, expectExportsExact, history, makeLog, monthsNotCurrent } from './fixtures';
import { refreshLogBlocks } from './refreshLogBlocks';

const marks = monthsNotCurrent;

async function withHistory(n = 600) {
  const db = freshDb();
  await db.logs.bulkAdd(history(n));
  return db;
}

/** Runs `write` (outside any transaction) the first time a refresh reads logs: between its read and its write. */
async function onFirstLogRead(db: AppDb, write: () => Promise<unknown>) {
  const trap = { armed: false, done: Promise.resolve() as Promise<unknown> };
  db.close();
  db.use({
    stack: 'dbcore',
    name: 'write-during-refresh',
    create: (down: DBCore) => ({
      ...down,
      table: (name: string) => {
        const table = down.table(name);
        if (name !== 'logs') return table;
        return {
          ...table,
          query: (req: DBCoreQueryRequest) => {
            if (trap.armed && req.values) {
              trap.armed = false;
              trap.done = Dexie.ignoreTransaction(write);
            }
            return table.query(req);
          },
        };
      },
    }),
  });
  await db.open();
  return trap;
}

describe('refreshLogBlocks', () => {
  it('writes nothing the second time', async () => {
    const db = await withHistory();
    const first = await refreshLogBlocks(db);
    expect(first.rebuilt).toBeGreaterThan(10);
    const writes = await countWrites(db);
    expect(await refreshLogBlocks(db)).toEqual({ rebuilt: 0, changedMeanwhile: 0 });
    expect(writes.count).toBe(0);
  });

  it('rebuilds only the months that changed, and reports progress', async () => {
    const db = await withHistory();
    await refreshLogBlocks(db);
    await db.logs.bulkAdd([
      makeLog('n1', 'rag.x', Date.UTC(2026, 0, 3)),
      makeLog('n2', 'rag.y', Date.UTC(2026, 0, 4)),
      makeLog('n3', 'a.one', Date.UTC(2027, 3, 4)),
    ]);
    const progress: [number, number][] = [];
    expect(await refreshLogBlocks(db, { progress: (d, t) => progress.push([d, t]) })).toEqual({
      rebuilt: 2,
      changedMeanwhile: 0,
    });
    expect(progress).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    await expectExportsExact(db);
  });

  it('does not lose a review written between its read and its write', async () => {
    const db = await withHistory();
    await refreshLogBlocks(db);
    await db.logs.add(makeLog('first', 'rag.x', Date.UTC(2026, 0, 9)));
    const trap = await onFirstLogRead(db, () =>
      db.logs.add(makeLog('meanwhile', 'rag.y', Date.UTC(2026, 0, 10))),
    );
    trap.armed = true;
    expect(await refreshLogBlocks(db)).toEqual({ rebuilt: 0, changedMeanwhile: 1 });
    await trap.done;
    expect(await marks(db)).toBe(1);
    await expectExportsExact(db);
    expect(await refreshLogBlocks(db)).toEqual({ rebuilt: 1, changedMeanwhile: 0 });
    expect(await marks(db)).toBe(0);
    await expectExportsExact(db);
  });

  it('leaves no stale block when the logs are cleared while it reads', async () => {
    const db = await withHistory();
    await refreshLogBlocks(db);
    await db.logs.add(makeLog('first', 'rag.x', Date.UTC(2026, 0, 9)));
    const trap = await onFirstLogRead(db, () => db.logs.clear());
    trap.armed = true;
    await refreshLogBlocks(db);
    await trap.done;
    await expectExportsExact(db);
    await db.logs.bulkAdd(history(50, 9, 'again'));
    await refreshLogBlocks(db);
    expect(await marks(db)).toBe(0);
    await expectBlocksMatchMonths(db);
    await expectExportsExact(db);
  });

  it('can be cancelled, keeps what it finished and goes on from there next time', async () => {
    const db = await withHistory();
    const controller = new AbortController();
    const progress = (done: number) => {
      if (done === 5) controller.abort();
    };
    await expect(refreshLogBlocks(db, { signal: controller.signal, progress })).rejects.toThrow('Cancelled');
    expect(await db.logBlocks.count()).toBe(5);
    await expectExportsExact(db);
    const rest = await refreshLogBlocks(db);
    expect(rest.rebuilt).toBeGreaterThan(5);
    expect(await marks(db)).toBe(0);
    await expectExportsExact(db);
  });

  it('reads a month in pages, even with more reviews at one instant than a page holds', async () => {
    const db = freshDb();
    const t = Date.UTC(2026, 1, 14, 12);
    await db.logs.bulkAdd([
      ...Array.from({ length: 11 }, (_, i) => makeLog(`same${(i * 7) % 11}`, `rag.c${i % 3}`, t, i)),
      ...Array.from({ length: 20 }, (_, i) => makeLog(`x${i}`, `rag.c${i % 4}`, t + (i - 10) * 1000, i)),
    ]);
    await refreshLogBlocks(db, { page: 3 });
    expect(await marks(db)).toBe(0);
    expect((await db.logBlocks.get(['rag', 2026 * 12 + 1]))?.count).toBe(31);
    await expectExportsExact(db);
  });
});
