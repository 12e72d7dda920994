// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardDocId } from '../../domain/sync/cardFields';
import { SPLIT_ABOVE } from '../../domain/sync/cardParts';
import { flagCards, resetCards, suspendCards } from '../../storage/cardActions';
import { fromRow } from '../../storage/db';
import { syncDecks } from '../../storage/deckSync';
import { openSyncDb } from '../../storage/sync/syncDb';
import { freshDb, testCard, testDeckFile } from '../../storage/testing';
import { startCouchTestServer, type CouchTestServer } from '../../../scripts/couch-test-server.mjs';
import { HOUR, syncer, T0, type Device } from './syncTesting';

let server: CouchTestServer;
let sync: ReturnType<typeof syncer>;
beforeAll(async () => {
  server = await startCouchTestServer();
  sync = syncer(server);
});
afterAll(() => server.close());

/** CouchDB's default limit of a document's size. */
const COUCH_LIMIT = 8_000_000;
const CARDS = 18_000;
const cardIds = (n: number) => Array.from({ length: n }, (_, i) => `big.c${i}`);
const ids = cardIds(CARDS);
const note = (i: number) => `Why card ${i} matters: ${'attention, retrieval and evaluation. '.repeat(8)}`;

let count = 0;
/** A device with the built-in role `big` of `n` cards. */
async function bigDevice(n = CARDS): Promise<Device> {
  const db = freshDb();
  await syncDecks(db, [
    testDeckFile(
      'big',
      cardIds(n).map((id) => testCard('big', id.slice(4))),
    ),
  ]);
  return { db, sync: openSyncDb(`card-parts-${++count}-${Math.random()}`) };
}

const auth = () => ({ Authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` });

async function serverDocs(database: string): Promise<{ _id: string; [key: string]: unknown }[]> {
  const response = await fetch(`${server.url}/${database}/_all_docs?include_docs=true`, { headers: auth() });
  return ((await response.json()) as { rows: { doc: { _id: string } }[] }).rows.map((r) => r.doc);
}

const bytes = (doc: unknown) => new TextEncoder().encode(JSON.stringify(doc)).length;

describe('a role whose card data would pass CouchDB’s document limit', () => {
  it('is split in parts each far below it, and every field reaches the other device and back', async () => {
    const [phone, laptop] = [await bigDevice(), await bigDevice()];
    // Every card reset, suspended and flagged, with a note: 72,000 fields, some 12 MB.
    await resetCards(phone.db, ids, T0);
    await suspendCards(phone.db, ids);
    await flagCards(phone.db, ids, 3);
    await phone.db.notes.bulkPut(
      ids.map((cardId, i) => ({ cardId, deckId: 'big', text: note(i), updated: T0 })),
    );
    await sync(phone, 'card-parts', { now: T0 + HOUR });

    const docs = (await serverDocs('card-parts')).filter((d) => d._id.startsWith(cardDocId('big')));
    const fields = docs.reduce((n, d) => n + Object.keys(d.fields as object).length, 0);
    expect(fields).toBeGreaterThanOrEqual(4 * CARDS);
    expect(docs.reduce((n, d) => n + bytes(d), 0)).toBeGreaterThan(COUCH_LIMIT);
    for (const doc of docs) expect(bytes(doc)).toBeLessThan(SPLIT_ABOVE + 10_000);
    expect(docs.find((d) => d._id === cardDocId('big'))).toMatchObject({ split: true, fields: {} });

    await sync(laptop, 'card-parts', { now: T0 + 2 * HOUR });
    const states = (await laptop.db.states.where('deckId').equals('big').toArray()).map(fromRow);
    expect(states).toHaveLength(CARDS);
    expect(states.filter((s) => s.hidden === 'suspended' && s.flag === 3 && s.resetAt === T0)).toHaveLength(
      CARDS,
    );
    expect((await laptop.db.notes.get('big.c17'))?.text).toBe(note(17));
    expect(await laptop.db.notes.where('deckId').equals('big').count()).toBe(CARDS);

    // Edits on the laptop, in two parts, travel back; nothing else changes.
    await flagCards(laptop.db, ['big.c1'], 0);
    await laptop.db.notes.put({ cardId: 'big.c2', deckId: 'big', text: 'Rewritten', updated: T0 + 3 * HOUR });
    await sync(laptop, 'card-parts', { now: T0 + 3 * HOUR });
    await sync(phone, 'card-parts', { now: T0 + 4 * HOUR });
    expect((await phone.db.states.get('big.c1'))?.flag).toBeUndefined();
    expect((await phone.db.notes.get('big.c2'))?.text).toBe('Rewritten');
    expect(
      (await phone.db.states.where('deckId').equals('big').toArray()).filter((s) => s.flag === 3),
    ).toHaveLength(CARDS - 1);
    for (const doc of (await serverDocs('card-parts')).filter((d) => d._id.startsWith(cardDocId('big'))))
      expect(bytes(doc)).toBeLessThan(SPLIT_ABOVE + 10_000);
  }, 300_000);

  it('synced whole before, is split once it grows past the limit; an edit made meanwhile elsewhere survives', async () => {
    const few = cardIds(3_000);
    const [phone, laptop] = [await bigDevice(few.length), await bigDevice(few.length)];
    await flagCards(phone.db, few.slice(0, 100), 2);
    await sync(phone, 'card-parts-grow', { now: T0 });
    await sync(laptop, 'card-parts-grow', { now: T0 + 1000 });
    // Small, it stays the one document earlier apps read and write.
    const whole = (await serverDocs('card-parts-grow')).find((d) => d._id === cardDocId('big'));
    expect(whole).toMatchObject({ format: 1 });
    expect(whole).not.toHaveProperty('split');
    expect((await laptop.db.states.get('big.c7'))?.flag).toBe(2);

    // Offline, the laptop suspends a card; the phone writes notes on every card (about 1.5 MB).
    await suspendCards(laptop.db, ['big.c2999']);
    await phone.db.notes.bulkPut(
      few.map((cardId, i) => ({ cardId, deckId: 'big', text: note(i), updated: T0 })),
    );
    await resetCards(phone.db, few, T0 + HOUR);
    // As the phone marks the document split, another device writes it whole (the mark is refused).
    let raced = false;
    const racing: typeof fetch = async (input, init) => {
      const url = String(input);
      if (!raced && init?.method === 'PUT' && url.endsWith(`/${encodeURIComponent(cardDocId('big'))}`)) {
        raced = true;
        const there = await (await fetch(url, { headers: auth() })).json();
        const clock = { t: T0 + 2 * HOUR, c: 0, d: 'tablet' };
        there.fields['big.c3|flag'] = { v: 5, c: clock };
        const headers = { ...auth(), 'Content-Type': 'application/json' };
        expect((await fetch(url, { method: 'PUT', headers, body: JSON.stringify(there) })).ok).toBe(true);
      }
      return fetch(input, init);
    };
    await sync(phone, 'card-parts-grow', { now: T0 + 2 * HOUR, fetchImpl: racing });
    expect(raced).toBe(true);
    const docs = (await serverDocs('card-parts-grow')).filter((d) => d._id.startsWith(cardDocId('big')));
    expect(docs.find((d) => d._id === cardDocId('big'))).toMatchObject({
      split: true,
      format: 2,
      fields: {},
    });
    expect(docs.length).toBeGreaterThan(1);
    for (const doc of docs) expect(bytes(doc)).toBeLessThan(SPLIT_ABOVE);
    expect((await phone.db.states.get('big.c3'))?.flag).toBe(5);

    await sync(laptop, 'card-parts-grow', { now: T0 + 3 * HOUR });
    await sync(phone, 'card-parts-grow', { now: T0 + 4 * HOUR });
    for (const d of [phone, laptop]) {
      expect((await d.db.states.get('big.c2999'))?.hidden).toBe('suspended');
      expect((await d.db.states.get('big.c3'))?.flag).toBe(5);
      expect((await d.db.states.get('big.c7'))?.flag).toBe(2);
      expect((await d.db.states.get('big.c7'))?.resetAt).toBe(T0 + HOUR);
      expect((await d.db.notes.get('big.c1234'))?.text).toBe(note(1234));
    }
  }, 120_000);
});
