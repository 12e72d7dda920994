import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CardState, type ReviewLog } from '../domain/scheduling/types';
import { collectAll } from './backup/collect';
import { restoreBackup } from './backup/restore';
import { changesSince, currentUsn } from './changeSequence';
import { fromRow } from './db';
import { openDb } from './openDb';
import v9 from './fixtures/db-v9.json';
import v10 from './fixtures/db-v10.json';
import v11 from './fixtures/db-v11.json';
import { V10_STORES, V11_STORES, V9_STORES } from './fixtures/oldStores';
import { unpackLogs } from './logBlocks/packLogs';
import { readLogsForExport } from './logBlocks/readLogsForExport';
import { refreshLogBlocks } from './logBlocks/refreshLogBlocks';
import { saveNote } from './notes';
import { recordReview } from './reviews';
import { loadSnapshots } from './snapshots/loadSnapshots';
import { packSnapshot } from './snapshots/stateSnapshot';
import { Scheduler } from '../domain/scheduling/scheduler';
import { replayCard } from '../domain/sync/replay';
import { expandPulled } from './sync/expandPulled';
import { settlePulled } from './sync/settlePulled';
import { pendingReplay, storePulled } from './sync/storePulled';

/*
 * Upgrades from the versions of the change sequence (v9 → v10 began it, v10 → v11 moved derived
 * data onto it). migrations.test.ts holds the earlier ones and checks every version has its test.
 */

const LATEST = 12;

/** v11 moved these from `settings` to `meta` and dropped `changes`. */
const MOVED_SETTINGS = ['daysRollover', 'data.snapshotVersions', 'data.logBlocks', 'data.notesStamp'];

describe('schema upgrades of the change sequence', () => {
  it('v9 → v10 keeps every row, starts the change sequence at 0, stamps what is written next, and backs up and restores', async () => {
    const name = `upgrade-v9-${Math.random()}`;
    const old = new Dexie(name);
    old.version(9).stores(V9_STORES);
    await old.open();
    for (const [table, rows] of Object.entries(v9.tables)) await old.table(table).bulkPut(rows);
    old.close();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    for (const [table, rows] of Object.entries(v9.tables))
      if (table !== 'changes' && table !== 'settings') expect(await db.table(table).toArray()).toEqual(rows);
    expect(await db.settings.toArray()).toEqual(
      v9.tables.settings.filter((r) => !MOVED_SETTINGS.includes(r.key)),
    );
    expect(await currentUsn(db)).toBe(0);
    expect(await db.changeLog.count()).toBe(0);

    const states = v9.tables.states.map((row) => fromRow(row as never));
    const logs = v9.tables.logs as ReviewLog[];
    const reviewed = { ...states[1]!, state: CardState.Learning, reps: 1, due: 2, lastReview: 1 };
    await recordReview(db, reviewed, { ...logs[1]!, id: 'new', cardId: 'rag.c1', review: 2 }, states[1]);
    await saveNote(db, 'rag.c1', 'rag', 'a second note', 3);
    const { usn, changes } = await changesSince(db, 0);
    expect(usn).toBe(2);
    expect(changes.map((c) => [c.table, c.key, c.usn])).toEqual([
      ['states', 'rag.c1', 1],
      ['logs', 'new', 1],
      ['notes', 'rag.c1', 2],
    ]);

    // A backup of the upgraded database restores to the same records.
    const backup = await collectAll(db, 10);
    const [statesBefore, logsBefore, notesBefore] = await Promise.all([
      db.states.toArray(),
      db.logs.toArray(),
      db.notes.toArray(),
    ]);
    await db.transaction('rw', [db.states, db.logs, db.notes], async () => {
      await db.states.clear();
      await db.logs.clear();
      await db.notes.clear();
    });
    await restoreBackup(db, backup, 'replace', 11);
    expect(await db.states.toArray()).toEqual(statesBefore);
    expect(await db.logs.toArray()).toEqual(logsBefore);
    expect(await db.notes.toArray()).toEqual(notesBefore);
    expect((await changesSince(db, usn)).bulk).toEqual(['*']);
    db.close();
  });

  it('v10 → v11 moves the bookkeeping to meta, turns the change marks into versions and months to build, and restores old backups', async () => {
    const name = `upgrade-v10-${Math.random()}`;
    const old = new Dexie(name);
    old.version(10).stores(V10_STORES);
    await old.open();
    for (const [table, rows] of Object.entries(v10.tables)) await old.table(table).bulkPut(rows);
    // Snapshots hold typed arrays (no JSON): `rag` has a card marked since, `agent` none.
    await old.table('snapshots').bulkPut([packSnapshot('rag', []), packSnapshot('agent', [])]);
    old.close();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(db.tables.map((t) => t.name)).not.toContain('changes');
    for (const [table, rows] of Object.entries(v10.tables))
      if (!['changes', 'settings', 'meta'].includes(table))
        expect(await db.table(table).toArray()).toEqual(rows);
    expect(await db.settings.toArray()).toEqual(
      v10.tables.settings.filter((r) => !MOVED_SETTINGS.includes(r.key)),
    );
    const meta = Object.fromEntries((await db.meta.toArray()).map((r) => [r.key, r.value]));
    expect(meta).toEqual({
      rollupRollover: 5,
      notesStamp: 0.25,
      snapshots: { agent: 2 },
      logBlocks: { format: 1, usn: 2, pending: [['rag', 24312]] },
    });
    // The marked role's snapshot went; statistics read the records.
    expect(await db.snapshots.toCollection().primaryKeys()).toEqual(['agent']);
    const topic = new Map(v10.tables.cards.map((c) => [c.id, c.topic]));
    expect((await loadSnapshots(db, ['rag'])).get('rag')).toEqual(
      (await db.states.toArray()).map((row) => ({ state: fromRow(row), topic: topic.get(row.cardId) })),
    );
    // The marked month is built by the next refresh, and the export reads it whole meanwhile.
    const exported: ReviewLog[] = [];
    for await (const deckLogs of readLogsForExport(db, 'rag', { from: null, to: null }))
      for (let k = 0; k < deckLogs.length; k++) exported.push(deckLogs.log(k));
    expect(exported.map((l) => l.id).sort()).toEqual(v10.tables.logs.map((l) => l.id).sort());
    expect(await refreshLogBlocks(db)).toEqual({ rebuilt: 1, changedMeanwhile: 0 });
    expect(unpackLogs((await db.logBlocks.get(['rag', 24312]))!)).toHaveLength(v10.tables.logs.length);

    // A backup from before v11 carries the old bookkeeping among its settings: a restore ignores it.
    const backup = await collectAll(db, 10);
    const oldBackup = {
      ...backup,
      settings: { ...backup.settings, daysRollover: 9, 'data.notesStamp': 0.5 },
    };
    const statesBefore = await db.states.toArray();
    await restoreBackup(db, oldBackup, 'replace', 11);
    expect(await db.states.toArray()).toEqual(statesBefore);
    const keys = (await db.settings.toArray()).map((r) => r.key);
    expect(keys).toContain('settings');
    expect(keys.filter((k) => MOVED_SETTINGS.includes(k))).toEqual([]);
    expect((await db.meta.get('rollupRollover'))?.value).toBe(5);
    db.close();
  });

  it('v11 → v12 keeps every row, adds the table of pulled blocks, and finishes a pull an earlier app left waiting', async () => {
    const name = `upgrade-v11-${Math.random()}`;
    const old = new Dexie(name);
    old.version(11).stores(V11_STORES);
    await old.open();
    for (const [table, rows] of Object.entries(v11.tables)) await old.table(table).bulkPut(rows);
    old.close();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    for (const [table, rows] of Object.entries(v11.tables))
      expect(await db.table(table).toArray()).toEqual(rows);
    expect(await db.pulledBlocks.count()).toBe(0);

    // The earlier app's pull stored rag.c0's reviews as rows and left the card to replay: the
    // next pull's end replays it from them.
    const scheduler = new Scheduler({
      desiredRetention: 0.9,
      learningSteps: ['1m', '10m'],
      relearningSteps: ['10m'],
      fuzz: false,
      maximumInterval: 36_500,
    });
    const logs = (v11.tables.logs as ReviewLog[]).filter((l) => l.cardId === 'rag.c0');
    const before = fromRow((await db.states.get('rag.c0'))!);
    expect(await pendingReplay(db)).toEqual(['rag.c0']);
    expect(await settlePulled(db, () => scheduler)).toEqual(['rag.c0']);
    expect(fromRow((await db.states.get('rag.c0'))!)).toEqual(replayCard(before, logs, scheduler));
    expect(await pendingReplay(db)).toEqual([]);

    // A pull after the upgrade stores its batches as blocks, then writes them into logs.
    const pulled = { ...logs[0]!, id: 'pulled-1', review: logs[0]!.review + 1 };
    await storePulled(db, [{ key: 'reviews:laptop:0000000000', reviews: [pulled] }]);
    expect(await db.pulledBlocks.count()).toBe(1);
    await settlePulled(db, () => scheduler);
    await expandPulled(db);
    expect(await db.pulledBlocks.count()).toBe(0);
    expect(await db.logs.get('pulled-1')).toEqual(pulled);
    db.close();
  });
});
