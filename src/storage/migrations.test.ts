import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CardState, type ReviewLog } from '../domain/scheduling/types';
import { defaultSettings } from '../domain/settings/settings';
import { rollupsFromLogs } from '../domain/stats/dayRollup';
import { fromRow } from './db';
import { openDb } from './openDb';
import { loadRoleQueueInput } from './queues';
import { loadSnapshots } from './snapshots/loadSnapshots';
import { packSnapshot } from './snapshots/stateSnapshot';
import v1 from './fixtures/db-v1.json';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLogsForExport } from './logBlocks/readLogsForExport';
import { packLogs, unpackLogs } from './logBlocks/packLogs';
import { LATEST_VERSION } from './schema/latest';

const LATEST = 12;

/** Each earlier schema's tables, whole (v5 kept v4's). */
const V1_STORES = {
  decks: 'id',
  cards: 'id, deckId',
  states: 'cardId, deckId, [deckId+queue+due], due',
  logs: 'id, cardId, review, [deckId+review]',
  settings: 'key',
};
const V2_STORES = { ...V1_STORES, days: '[deckId+day]' };
const V3_STORES = { ...V2_STORES, cards: 'id, deckId, [deckId+topic]' };
const V4_STORES = {
  ...V3_STORES,
  changes: 'key, [kind+deckId]',
  snapshots: 'deckId',
  logBlocks: '[deckId+month]',
};

/** Recreates a database exactly as schema version 1 left it, from the fixture. */
async function createV1(name: string) {
  const old = new Dexie(name);
  old.version(1).stores(V1_STORES);
  await old.open();
  for (const [table, rows] of Object.entries(v1.tables)) await old.table(table).bulkPut(rows);
  old.close();
}

describe('schema upgrades', () => {
  it('v1 → v2 keeps every row and builds the day rollups with the stored rollover hour', async () => {
    const name = `upgrade-${Math.random()}`;
    await createV1(name);
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.decks.toArray()).toEqual(v1.tables.decks);
    expect(await db.cards.toArray()).toEqual(v1.tables.cards);
    expect(await db.states.toArray()).toEqual(v1.tables.states);
    expect(await db.logs.toArray()).toEqual(v1.tables.logs);
    expect(await db.settings.get('settings')).toEqual(v1.tables.settings[0]);
    const logs = v1.tables.logs as Parameters<typeof rollupsFromLogs>[0];
    const expected = rollupsFromLogs(logs, 5).sort((a, b) => a.day - b.day);
    expect(await db.days.toArray()).toEqual(expected);
    expect(expected.map((r) => r.count)).toEqual([2, 2, 1]);
    expect((await db.meta.get('rollupRollover'))?.value).toBe(5);
    db.close();
  });

  it('v2 → v3 indexes cards by topic, keeping every row and the rollups', async () => {
    const name = `upgrade-v2-${Math.random()}`;
    await createV1(name);
    const v2 = new Dexie(name);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores(V2_STORES);
    await v2.open();
    await v2
      .table('days')
      .put({ deckId: 'rag', day: 1, count: 9, timeMs: 9, fresh: 0, mature: 0, maturePass: 0 });
    v2.close();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.cards.toArray()).toEqual(v1.tables.cards);
    expect(await db.days.get(['rag', 1])).toMatchObject({ count: 9 });
    expect(await db.cards.where('[deckId+topic]').equals(['rag', 't']).primaryKeys()).toEqual([
      'rag.c0',
      'rag.c1',
    ]);
    db.close();
  });

  it('v3 → v4 keeps every row; statistics then read the cards through snapshots built from them', async () => {
    const name = `upgrade-v3-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores(V3_STORES);
    await v3.open();
    for (const [table, rows] of Object.entries(v1.tables)) await v3.table(table).bulkPut(rows);
    v3.close();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.states.toArray()).toEqual(v1.tables.states);
    expect(await db.logs.toArray()).toEqual(v1.tables.logs);
    const entries = (await loadSnapshots(db, null)).get('rag') ?? [];
    const topic = new Map(v1.tables.cards.map((c) => [c.id, c.topic]));
    expect(entries).toEqual(
      (await db.states.toArray()).map((row) => ({ state: fromRow(row), topic: topic.get(row.cardId) })),
    );
    db.close();
  });

  it('v4 → v5 drops the per-card marks and the snapshots they patched; statistics match the records', async () => {
    const name = `upgrade-v4-${Math.random()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(V4_STORES);
    await v4.open();
    for (const [table, rows] of Object.entries(v1.tables)) await v4.table(table).bulkPut(rows);
    // As v4 left it: a snapshot from before the reviews, with v4's marks for the reviewed card.
    await v4.table('snapshots').put(packSnapshot('rag', []));
    const logMark = { key: 'log:rag:24316', kind: 'log', deckId: 'rag', month: 24316, stamp: 0.5 };
    await v4
      .table('changes')
      .bulkPut([
        { key: 'card:rag.c0', kind: 'card', deckId: 'rag', cardId: 'rag.c0', stamp: 0.1 },
        { key: 'card*:agent', kind: 'card', deckId: 'agent', stamp: 0.2 },
        logMark,
      ]);
    v4.close();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.snapshots.count()).toBe(0);
    const entries = (await loadSnapshots(db, ['rag'])).get('rag') ?? [];
    const topic = new Map(v1.tables.cards.map((c) => [c.id, c.topic]));
    expect(entries).toEqual(
      (await db.states.toArray()).map((row) => ({ state: fromRow(row), topic: topic.get(row.cardId) })),
    );
    db.close();
  });

  it('v5 → v6 keeps every row and turns the new-card hints into the New queue floors', async () => {
    const name = `upgrade-v5-${Math.random()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(V4_STORES);
    await v5.open();
    for (const [table, rows] of Object.entries(v1.tables)) await v5.table(table).bulkPut(rows);
    // As v5 left it: rag's new cards start at position 1 (rag.c1); a broken entry is dropped.
    await v5.table('settings').put({ key: 'newFrom', value: { rag: 1, agent: 'x' } });
    v5.close();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.states.toArray()).toEqual(v1.tables.states);
    expect(await db.logs.toArray()).toEqual(v1.tables.logs);
    expect(await db.settings.toArray()).toEqual(v1.tables.settings);
    expect(await db.floors.toArray()).toEqual([{ deckId: 'rag', floors: { [CardState.New]: 1 } }]);
    const day = new Date(2026, 0, 20, 4).getTime();
    const input = await loadRoleQueueInput(db, 'rag', defaultSettings, day, day + 86_400_000);
    expect(input.newCards.map((s) => s.cardId)).toEqual(['rag.c1']);
    expect(input.dueReviews.map((s) => s.cardId)).toEqual(['rag.c0']);
    db.close();
  });

  it('v6 → v7 keeps every row and block; old logs read back without key points, new ones with them', async () => {
    const name = `upgrade-v6-${Math.random()}`;
    const v6 = new Dexie(name);
    v6.version(6).stores({ ...V4_STORES, floors: 'deckId' });
    await v6.open();
    for (const [table, rows] of Object.entries(v1.tables)) await v6.table(table).bulkPut(rows);
    // As v6 packed them: a block without the key-point columns.
    const logs = v1.tables.logs as ReviewLog[];
    const { keyPointsHit: _h, keyPointsTotal: _t, ...v6Block } = packLogs('rag', 24312, logs)!;
    await v6.table('logBlocks').put(v6Block);
    v6.close();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.logs.toArray()).toEqual(logs);
    expect(unpackLogs((await db.logBlocks.get(['rag', 24312]))!)).toEqual(logs);
    const ticked: ReviewLog = {
      ...logs[0]!,
      id: 'new',
      review: logs[0]!.review + 1,
      keyPointsHit: 3,
      keyPointsTotal: 4,
    };
    await db.logs.put(ticked);
    const exported: ReviewLog[] = [];
    for await (const deckLogs of readLogsForExport(db, 'rag', { from: null, to: null }))
      for (let k = 0; k < deckLogs.length; k++) exported.push(deckLogs.log(k));
    expect(exported.find((l) => l.id === 'new')).toEqual(ticked);
    db.close();
  });

  it('v7 → v8 keeps every row and adds an empty table of mock interviews', async () => {
    const name = `upgrade-v7-${Math.random()}`;
    const v7 = new Dexie(name);
    v7.version(7).stores({ ...V4_STORES, floors: 'deckId' });
    await v7.open();
    for (const [table, rows] of Object.entries(v1.tables)) await v7.table(table).bulkPut(rows);
    const ticked = { ...(v1.tables.logs[0] as ReviewLog), id: 'ticked', keyPointsHit: 2, keyPointsTotal: 3 };
    await v7.table('logs').put(ticked);
    await v7.table('floors').put({ deckId: 'rag', floors: { [CardState.New]: 1 } });
    v7.close();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.states.toArray()).toEqual(v1.tables.states);
    expect(await db.logs.get('ticked')).toEqual(ticked);
    expect(await db.floors.toArray()).toEqual([{ deckId: 'rag', floors: { [CardState.New]: 1 } }]);
    expect(await db.mocks.count()).toBe(0);
    db.close();
  });

  it('v8 → v9 keeps every row, adds an empty notes table, and keeps queues and snapshots of old states', async () => {
    const name = `upgrade-v8-${Math.random()}`;
    const v8 = new Dexie(name);
    v8.version(8).stores({ ...V4_STORES, floors: 'deckId', mocks: 'id, startedAt' });
    await v8.open();
    for (const [table, rows] of Object.entries(v1.tables)) await v8.table(table).bulkPut(rows);
    // As v8 packed it: a snapshot without the flag/leech and burial columns.
    const states = v1.tables.states.map((row) => fromRow(row as never));
    const {
      marks: _m,
      buriedUntil: _b,
      ...v8Snapshot
    } = packSnapshot(
      'rag',
      states.map((state) => ({ state, topic: 't' })),
    );
    await v8.table('snapshots').put(v8Snapshot);
    await v8.table('mocks').put({ id: 'm1', startedAt: 1 });
    v8.close();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.states.toArray()).toEqual(v1.tables.states);
    expect(await db.logs.toArray()).toEqual(v1.tables.logs);
    expect(await db.mocks.get('m1')).toEqual({ id: 'm1', startedAt: 1 });
    expect(await db.notes.count()).toBe(0);
    const entries = (await loadSnapshots(db, ['rag'])).get('rag') ?? [];
    expect(entries.map((e) => e.state)).toEqual(states);
    const day = new Date(2026, 0, 20, 4).getTime();
    const input = await loadRoleQueueInput(db, 'rag', defaultSettings, day, day + 86_400_000);
    expect(input.newCards.map((s) => s.cardId)).toEqual(['rag.c1']);
    expect(input.dueReviews.map((s) => s.cardId)).toEqual(['rag.c0']);
    db.close();
  });

  it('every schema version has an upgrade test from the version before', () => {
    const source = readFileSync(join(__dirname, 'schema', 'versions.ts'), 'utf8');
    const versions = [...source.matchAll(/db\.version\((\d+)\)/g)].map((m) => Number(m[1]));
    expect(Math.max(...versions)).toBe(LATEST);
    // The newest version the first screen declares whole (latest.ts) is versions.ts's newest.
    expect(LATEST_VERSION).toBe(LATEST);
    const tests = ['migrations.test.ts', 'migrationsSequence.test.ts']
      .map((file) => readFileSync(join(__dirname, file), 'utf8'))
      .join('\n');
    const missing = versions.filter((v) => v > 1 && !tests.includes(`'v${v - 1} → v${v} `));
    expect(missing).toEqual([]);
  });
});
