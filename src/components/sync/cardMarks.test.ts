// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buryCards, flagCards } from '../../storage/cardActions';
import { fromRow, toRow } from '../../storage/db';
import { syncDecks } from '../../storage/deckSync';
import { testCard, testDeckFile } from '../../storage/testing';
import { startCouchTestServer, type CouchTestServer } from '../../../scripts/couch-test-server.mjs';
import { device, HOUR, rate, syncer, T0 } from './syncTesting';

let server: CouchTestServer;
let sync: ReturnType<typeof syncer>;
beforeAll(async () => {
  server = await startCouchTestServer();
  sync = syncer(server);
});
afterAll(() => server.close());

describe('the user’s card marks', () => {
  it('carry a leech mark and a burial to the other device, and their removal', async () => {
    const [phone, laptop] = [await device(), await device()];
    await rate(phone, 'rag.a', 1, T0);
    await sync(phone, 'marks');
    await sync(laptop, 'marks');
    // The review screen marks a card a leech when a lapse reaches the threshold.
    const a = fromRow((await phone.db.states.get('rag.a'))!);
    await phone.db.states.put(toRow({ ...a, leech: true }));
    await buryCards(phone.db, ['rag.b'], T0 + HOUR, 4);
    await flagCards(laptop.db, ['rag.c'], 4);
    await sync(phone, 'marks');
    await sync(laptop, 'marks');
    await sync(phone, 'marks');
    const buried = await phone.db.states.get('rag.b');
    for (const d of [phone, laptop]) {
      expect(await d.db.states.get('rag.a')).toMatchObject({ leech: true, reps: 1 });
      expect(await d.db.states.get('rag.b')).toMatchObject({
        hidden: 'buried',
        buriedUntil: buried!.buriedUntil,
        queue: -3,
      });
      expect(await d.db.states.get('rag.c')).toMatchObject({ flag: 4 });
    }
    // Resetting a leech's progress takes the mark off; unburying puts the card back.
    const marked = fromRow((await laptop.db.states.get('rag.a'))!);
    const { leech: _l, ...unmarked } = marked;
    await laptop.db.states.put(toRow(unmarked));
    const b = fromRow((await laptop.db.states.get('rag.b'))!);
    const { buriedUntil: _b, ...awake } = b;
    await laptop.db.states.put(toRow({ ...awake, hidden: null }));
    await sync(laptop, 'marks', { now: T0 + 2 * HOUR });
    await sync(phone, 'marks', { now: T0 + 2 * HOUR });
    expect((await phone.db.states.get('rag.a'))?.leech).toBeUndefined();
    expect(await phone.db.states.get('rag.b')).toMatchObject({ hidden: null, queue: 0 });
  });

  it('reach a device whose sync stopped after pulling and before merging them', async () => {
    const [phone, laptop] = [await device(), await device()];
    await sync(phone, 'marks-cut');
    await sync(laptop, 'marks-cut');
    await flagCards(phone.db, ['rag.c'], 3);
    await sync(phone, 'marks-cut');
    // The laptop's pull sees the role's card data change; the network goes before it is read.
    const cut: typeof fetch = async (input, init) => {
      if (String(input).includes('fields%3Acards')) throw new TypeError('network error');
      return fetch(input, init);
    };
    await expect(sync(laptop, 'marks-cut', { fetchImpl: cut })).rejects.toThrow();
    expect((await laptop.db.states.get('rag.c'))?.flag).toBeUndefined();
    await sync(laptop, 'marks-cut');
    expect(await laptop.db.states.get('rag.c')).toMatchObject({ flag: 3 });
  });

  it('are not asked of the server after reviews alone, and a mark waiting for its card still arrives', async () => {
    const [phone, laptop] = [await device(), await device()];
    const newerRole = testDeckFile(
      'rag',
      ['a', 'b', 'c', 'd'].map((k) => testCard('rag', k)),
      'h2',
      { version: 2 },
    );
    await flagCards(phone.db, ['rag.a'], 1);
    for (const d of [phone, laptop, phone]) await sync(d, 'marks-asked');
    // Reviews change the cards' states, not their marks: no merge with the server's card data.
    const asked: string[] = [];
    const counting: typeof fetch = async (input, init) => {
      if (String(input).includes('fields%3Acards')) asked.push(String(input));
      return fetch(input, init);
    };
    await rate(phone, 'rag.a', 3, T0);
    expect(await sync(phone, 'marks-asked', { fetchImpl: counting })).toMatchObject({ pushed: 1 });
    expect(await sync(laptop, 'marks-asked', { fetchImpl: counting })).toMatchObject({ pulled: 1 });
    expect(asked).toEqual([]);
    expect(await laptop.db.states.get('rag.a')).toMatchObject({ flag: 1, reps: 1 });
    // A mark set beside reviews is an edit: merged and sent.
    await rate(laptop, 'rag.b', 3, T0 + HOUR);
    await flagCards(laptop.db, ['rag.c'], 4);
    await sync(laptop, 'marks-asked', { fetchImpl: counting });
    expect(asked.length).toBeGreaterThan(0);
    await sync(phone, 'marks-asked');
    expect(await phone.db.states.get('rag.c')).toMatchObject({ flag: 4 });
    // A newer version of the role on the phone has a card the laptop lacks: its flag waits there,
    // through syncs that bring nothing new, until the laptop has the card.
    await syncDecks(phone.db, [newerRole]);
    await flagCards(phone.db, ['rag.d'], 2);
    await sync(phone, 'marks-asked');
    await sync(laptop, 'marks-asked');
    await sync(laptop, 'marks-asked');
    await syncDecks(laptop.db, [newerRole]);
    await sync(laptop, 'marks-asked');
    expect(await laptop.db.states.get('rag.d')).toMatchObject({ flag: 2 });
  });
});
