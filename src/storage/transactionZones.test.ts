import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction } from 'dexie';
import { describe, expect, it } from 'vitest';
import { deck, scheduler, seeded, T0 } from '../../tests/fixtures/data/seed';
import { backupToString } from '../domain/backup/format';
import { validateBackup } from '../domain/backup/validate';
import { parseJson } from '../domain/import/safeJson';
import { fromRow, type AppDb } from './db';
import { collectAll } from './backup/collect';
import { saveBackupPrefs } from './backup/prefs';
import { restoreBackup, rollBack } from './backup/restore';
import { writeBackup } from './backup/writeBackup';
import { importDeck } from './importExport/deckImport';
import { recordReview, undoReview } from './reviews';
import { freshDb } from './testing';

/**
 * Extra microtask load around every write: each result reaches Dexie only after a burst of
 * native-promise ticks, as when other work (a worker's messages, React) shares the microtask
 * queue. Dexie keeps a transaction's zone across native awaits for a limited number of ticks: a
 * scope that awaits a promise Dexie did not make loses it under this load, and its later writes
 * then run in transactions of their own. Each write's transaction is recorded to catch that.
 */
async function underLoad(db: AppDb, ticks = 200): Promise<{ transactions: Set<DBCoreTransaction> }> {
  const seen = { transactions: new Set<DBCoreTransaction>() };
  db.close();
  db.use({
    stack: 'dbcore',
    name: 'microtask-load',
    create: (down: DBCore) => ({
      ...down,
      table: (name: string) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: async (req: DBCoreMutateRequest) => {
            seen.transactions.add(req.trans);
            const result = await table.mutate(req);
            for (let i = 0; i < ticks; i++) await Promise.resolve();
            return result;
          },
        };
      },
    }),
  });
  await db.open();
  return seen;
}

/** Runs `operation` and says in how many transactions its writes happened. */
async function transactionsOf(
  seen: { transactions: Set<DBCoreTransaction> },
  operation: () => Promise<unknown>,
) {
  seen.transactions.clear();
  await operation();
  return seen.transactions.size;
}

describe('every transaction scope keeps its zone under microtask load', () => {
  it('review, undo, backup prefs, import, restore and rollback each write in one transaction', async () => {
    const source = await seeded(freshDb());
    const backup = await collectAll(source, T0);
    const db = await seeded(freshDb());
    const seen = await underLoad(db);

    const state = fromRow((await db.states.get('fundamentals.c'))!);
    const { next, log } = scheduler.answer(state, 3, T0 + 5 * 86_400_000, 1000, 'load-1');
    expect(await transactionsOf(seen, () => recordReview(db, next, log, state))).toBe(1);
    expect(await transactionsOf(seen, () => undoReview(db, state, 'load-1', next))).toBe(1);
    expect(await transactionsOf(seen, () => saveBackupPrefs(db, (p) => ({ ...p, remindAfterDays: 3 })))).toBe(
      1,
    );
    expect(
      await transactionsOf(seen, () =>
        importDeck(db, deck('user-more', ['a', 'b', 'c']), { enable: true, now: T0 }),
      ),
    ).toBe(1);
    expect(await transactionsOf(seen, () => restoreBackup(db, backup, 'replace', T0))).toBe(1);
    expect(await transactionsOf(seen, () => rollBack(db, T0 + 1))).toBe(1);
    expect(await transactionsOf(seen, () => restoreBackup(db, backup, 'merge', T0))).toBe(1);
  });

  it('a backup written under load is whole and restores', async () => {
    const db = await seeded(freshDb());
    await underLoad(db);
    let text = '';
    const counts = await writeBackup(db, T0, { write: (t) => (text += t), progress: () => {} });
    const json = parseJson(text);
    const result = json.ok ? validateBackup(json.value, text) : null;
    expect(result?.ok).toBe(true);
    expect(result?.ok && result.value.logs.length).toBe(counts.logs);
    expect(text).toBe(
      backupToString({ ...(await collectAll(db, T0)), logs: result?.ok ? result.value.logs : [] }),
    );
  });

  it('nothing writes to IndexedDB except through Dexie, whose middlewares mark and floor every write', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) =>
        statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)],
      );
    // The change sequence's middleware writes its own log on the transaction it stamps.
    const middleware = join('src', 'storage', 'changeSequence.ts');
    // The main thread's start lists the databases and their versions (indexedDB.databases()) to
    // know whether it needs the upgrades; it writes nothing.
    const versionCheck = join('src', 'storage', 'appDb.ts');
    const raw = files('src')
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && f !== middleware && f !== versionCheck)
      .filter((f) => /\bindexedDB\.|\.objectStore\(|IDBDatabase|backendDB\(/.test(readFileSync(f, 'utf8')));
    expect(raw).toEqual([]);
  });
});
