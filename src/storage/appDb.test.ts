import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createAppDb, prepareUpgrades } from './appDb';
import v10 from './fixtures/db-v10.json';
import { V10_STORES } from './fixtures/oldStores';
import { openDb } from './openDb';
import { LATEST_VERSION } from './schema/latest';

async function storeV10(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(10).stores(V10_STORES);
  await old.open();
  for (const [table, rows] of Object.entries(v10.tables)) await old.table(table).bulkPut(rows);
  old.close();
}

describe('the main thread database (upgrades loaded only when needed)', () => {
  it('runs the upgrades when the stored database is older: a v10 database opens as v11 with its bookkeeping moved to meta', async () => {
    const name = `app-v10-${Math.random()}`;
    await storeV10(name);
    const db = createAppDb(name);
    await prepareUpgrades(db);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    // v11's upgrade moved the rollups' rollover hour out of settings.
    expect(await db.meta.get('rollupRollover')).toBeDefined();
    expect(await db.settings.get('daysRollover')).toBeUndefined();
    db.close();
  });

  it('opens a new database at the newest version, and a current one as it is', async () => {
    const name = `app-new-${Math.random()}`;
    const fresh = createAppDb(name);
    await prepareUpgrades(fresh);
    await fresh.open();
    expect(fresh.verno).toBe(LATEST_VERSION);
    await fresh.settings.put({ key: 'k', value: 1 });
    fresh.close();
    const again = createAppDb(name);
    await prepareUpgrades(again);
    await again.open();
    expect(await again.settings.get('k')).toEqual({ key: 'k', value: 1 });
    again.close();
  });

  it('a database the first screen created from the newest version alone opens unchanged with every version declared (workers)', async () => {
    const name = `app-then-worker-${Math.random()}`;
    const app = createAppDb(name);
    await prepareUpgrades(app);
    await app.open();
    await app.settings.put({ key: 'k', value: 1 });
    await app.notes.put({ cardId: 'rag.c0', deckId: 'rag', text: 'mine', updated: 1 });
    app.close();
    const worker = openDb(name);
    await worker.open();
    // Had the two declarations differed, Dexie 4 would have added what is missing and raised the
    // stored version (its "SchemaDiff" patch) instead of opening it as it is.
    expect(worker.backendDB().version).toBe(LATEST_VERSION * 10);
    expect(await worker.settings.get('k')).toEqual({ key: 'k', value: 1 });
    expect(await worker.notes.get('rag.c0')).toMatchObject({ text: 'mine' });
    worker.close();
  });
});
