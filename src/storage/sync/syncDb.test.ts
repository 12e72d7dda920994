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
    expect(await sync.seen.count()).toBe(0);
    expect(await sync.undone.count()).toBe(0);
    expect((await sync.kv.get('setup'))?.value).toMatchObject({ user: 'u' });
  });
});
