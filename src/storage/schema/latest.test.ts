import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createAppDb, prepareUpgrades } from '../appDb';
import v1 from '../fixtures/db-v1.json';
import v10 from '../fixtures/db-v10.json';
import { V10_STORES } from '../fixtures/oldStores';
import { openDb } from '../openDb';
import { declareLatest, LATEST_VERSION } from './latest';
import { declareVersions } from './versions';

/*
 * latest.ts declares the newest schema whole, beside the versions (versions.ts) it must add up to:
 * a database created from either has the same object stores and indexes, and so does an older one
 * once upgraded.
 */

/** Each object store ('table') and index ('table.index') of an open database, with its definition. */
function layout(db: Dexie): Map<string, string> {
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames];
  const tx = idb.transaction(names, 'readonly');
  const out = new Map<string, string>();
  for (const name of names) {
    const store = tx.objectStore(name);
    out.set(name, `key ${JSON.stringify(store.keyPath)}${store.autoIncrement ? ', auto-increment' : ''}`);
    for (const indexName of [...store.indexNames]) {
      const index = store.index(indexName);
      const flags = `${index.unique ? ', unique' : ''}${index.multiEntry ? ', multiEntry' : ''}`;
      out.set(`${name}.${indexName}`, `key ${JSON.stringify(index.keyPath)}${flags}`);
    }
  }
  return out;
}

/** What a database differs in from the one every version declared, each store or index by name. */
function drift(versions: Map<string, string>, other: Map<string, string>, label: string): string[] {
  const names = [...new Set([...versions.keys(), ...other.keys()])].sort();
  return names.flatMap((name) => {
    const want = versions.get(name);
    const got = other.get(name);
    if (want === got) return [];
    if (got === undefined) return [`${name} (${want}) is missing from ${label}`];
    if (want === undefined) return [`${name} (${got}) is in ${label} but in no version of versions.ts`];
    return [`${name} is ${got} in ${label} but ${want} in the versions`];
  });
}

async function opened(declare: (db: Dexie) => void): Promise<Dexie> {
  const db = new Dexie(`schema-${Math.random()}`);
  declare(db);
  await db.open();
  return db;
}

async function layoutOf(db: Dexie): Promise<Map<string, string>> {
  await db.open();
  const out = layout(db);
  expect(db.verno).toBe(LATEST_VERSION);
  db.close();
  return out;
}

/** The layout a new database gets from every version of versions.ts, oldest first. */
async function everyVersion(): Promise<Map<string, string>> {
  const db = await opened(declareVersions);
  expect(db.verno).toBe(LATEST_VERSION);
  const out = layout(db);
  db.close();
  return out;
}

describe('the newest schema declared whole (latest.ts)', () => {
  it('creates the same object stores and indexes as every version of versions.ts', async () => {
    const versions = await everyVersion();
    expect(versions.size).toBeGreaterThan(0);
    const latest = await opened(declareLatest);
    expect(drift(versions, layout(latest), 'LATEST_STORES')).toEqual([]);
    latest.close();
  });

  it('is what a first visit creates, and what workers and tests create with every version declared too', async () => {
    const versions = await everyVersion();
    const firstVisit = createAppDb(`first-${Math.random()}`);
    await prepareUpgrades(firstVisit);
    expect(drift(versions, await layoutOf(firstVisit), 'a first visit')).toEqual([]);
    const withUpgrades = openDb(`open-${Math.random()}`);
    expect(drift(versions, await layoutOf(withUpgrades), 'openDb')).toEqual([]);
  });

  it('is what a v1 database becomes through every upgrade, and a v10 one through the main thread', async () => {
    const versions = await everyVersion();
    const oldName = `from-v1-${Math.random()}`;
    const old = new Dexie(oldName);
    old.version(1).stores({
      decks: 'id',
      cards: 'id, deckId',
      states: 'cardId, deckId, [deckId+queue+due], due',
      logs: 'id, cardId, review, [deckId+review]',
      settings: 'key',
    });
    await old.open();
    for (const [table, rows] of Object.entries(v1.tables)) await old.table(table).bulkPut(rows);
    old.close();
    expect(drift(versions, await layoutOf(openDb(oldName)), 'a v1 database upgraded')).toEqual([]);

    const v10Name = `from-v10-${Math.random()}`;
    const stored = new Dexie(v10Name);
    stored.version(10).stores(V10_STORES);
    await stored.open();
    for (const [table, rows] of Object.entries(v10.tables)) await stored.table(table).bulkPut(rows);
    stored.close();
    const app = createAppDb(v10Name);
    await prepareUpgrades(app);
    expect(drift(versions, await layoutOf(app), 'a v10 database upgraded')).toEqual([]);
  });

  it('names what differs: a table or index missing, extra or defined otherwise', () => {
    const versions = new Map([
      ['cards', 'key "id"'],
      ['cards.[deckId+topic]', 'key ["deckId","topic"]'],
      ['meta', 'key "key"'],
    ]);
    const latest = new Map([
      ['cards', 'key "id"'],
      ['cards.[deckId+topic]', 'key ["deckId","topic"], unique'],
      ['changes', 'key "key"'],
    ]);
    expect(drift(versions, latest, 'LATEST_STORES')).toEqual([
      'cards.[deckId+topic] is key ["deckId","topic"], unique in LATEST_STORES but key ["deckId","topic"] in the versions',
      'changes (key "key") is in LATEST_STORES but in no version of versions.ts',
      'meta (key "key") is missing from LATEST_STORES',
    ]);
  });
});
