import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { loadProgress, openSyncDb } from './syncDb';

describe('the sync database', () => {
  it('upgrades from version 1: what was pushed by review time is forgotten and pulled again', async () => {
    const name = `sync-upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ kv: 'key', seen: 'id, review' });
    await v1.table('kv').bulkPut([
      {
        key: 'progress',
        value: {
          deviceId: 'dev1',
          nextSeq: 4,
          pushedThrough: 1_700_000_000_000,
          pullSince: '17-abc',
          lastSync: 5,
          lastFailure: null,
          checkedUsn: 9,
          cardsUsn: 9,
        },
      },
      { key: 'setup', value: { url: 'https://db.example/ir', user: 'u', password: 'p', paused: false } },
    ]);
    await v1.table('seen').put({ id: 'r1', review: 1_700_000_000_000 });
    v1.close();

    const sync = openSyncDb(name);
    expect(await loadProgress(sync)).toEqual({
      deviceId: 'dev1',
      nextSeq: 4,
      pullSince: '0',
      lastSync: 5,
      lastFailure: null,
      cardsUsn: 9,
    });
    expect(await sync.seenSets.count()).toBe(0);
    expect(await sync.undone.count()).toBe(0);
    expect((await sync.kv.get('setup'))?.value).toMatchObject({ user: 'u' });
  });

  it('upgrades from version 2: the reviews seen on the server stay seen, a set per push or pull', async () => {
    const name = `sync-upgrade-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({ kv: 'key', seen: 'id, review' });
    v2.version(2).stores({ seen: 'id, usn', undone: 'id' });
    const progress = {
      deviceId: 'dev1',
      nextSeq: 3,
      pushedUsn: 40,
      pullSince: '9',
      lastSync: 5,
      lastFailure: null,
    };
    await v2.table('kv').put({ key: 'progress', value: progress });
    await v2.table('seen').bulkPut([
      { id: 'r1', usn: 41 },
      { id: 'r2', usn: 41 },
      { id: 'r3', usn: 45 },
    ]);
    await v2.table('undone').put({ id: 'r0' });
    v2.close();

    const sync = openSyncDb(name);
    expect(await loadProgress(sync)).toEqual(progress);
    const sets = await sync.seenSets.orderBy('usn').toArray();
    expect(sets.map(({ usn, ids }) => ({ usn, ids: [...ids].sort() }))).toEqual([
      { usn: 41, ids: ['r1', 'r2'] },
      { usn: 45, ids: ['r3'] },
    ]);
    expect(await sync.undone.toCollection().primaryKeys()).toEqual(['r0']);
    expect(sync.tables.map((t) => t.name).sort()).toEqual(['kv', 'seenSets', 'undone']);
  });
});
