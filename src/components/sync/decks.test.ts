// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../domain/deck/schema';
import { deckChunks, DECKS_DOC } from '../../domain/sync/deckDocs';
import { deleteUserDeck, importDeck } from '../../storage/importExport/deckImport';
import { declareBulk } from '../../storage/changeSequence';
import { fromRow } from '../../storage/db';
import { startCouchTestServer, type CouchTestServer } from '../../../scripts/couch-test-server.mjs';
import { applyReviews } from '../../storage/sync/applyReviews';
import { device, HOUR, rate, serverDocIds, syncer, T0, testScheduler } from './syncTesting';

let server: CouchTestServer;
let sync: ReturnType<typeof syncer>;
beforeAll(async () => {
  server = await startCouchTestServer();
  sync = syncer(server);
});
afterAll(() => server.close());

const card = (key: string, answer = `A ${key}`) => ({
  id: `user-ml.${key}`,
  topic: 'basics',
  tags: [],
  difficulty: 1 as const,
  type: 'concept' as const,
  question: { en: `Q ${key}`, zh: `问 ${key}` },
  answer: { en: answer, zh: answer },
});

const mlDeck = (cards: Deck['cards'], version = 1): Deck => ({
  id: 'user-ml',
  version,
  title: { en: 'My ML notes', zh: '我的机器学习笔记' },
  description: { en: 'Imported', zh: '导入' },
  cards,
});

describe('imported decks', () => {
  it('reach the other device with their content in chunks, and the reviews of their cards apply there', async () => {
    const [phone, laptop] = [await device(), await device()];
    // Over a megabyte of cards: more than one chunk.
    const long = 'Attention weighs every token against every other. '.repeat(60);
    const cards = Array.from({ length: 400 }, (_, i) => card(`c${i}`, `${long}${i}`));
    await importDeck(phone.db, mlDeck(cards), { enable: true, now: T0 });
    await rate(phone, 'user-ml.c0', 3, T0 + HOUR);
    await sync(phone, 'decks');
    const chunks = (await serverDocIds(server, 'decks')).filter((id) => id.startsWith('deck:user-ml:'));
    expect(chunks.length).toBeGreaterThan(1);

    await sync(laptop, 'decks');
    expect((await laptop.db.decks.get('user-ml'))?.title.en).toBe('My ML notes');
    expect(await laptop.db.cards.where('deckId').equals('user-ml').count()).toBe(400);
    expect(fromRow((await laptop.db.states.get('user-ml.c0'))!)).toEqual(
      fromRow((await phone.db.states.get('user-ml.c0'))!),
    );
    expect(await laptop.db.states.get('user-ml.c0')).toMatchObject({ reps: 1, lastReview: T0 + HOUR });
    // Nothing goes back and forth once both have it.
    const before = await serverDocIds(server, 'decks');
    expect(await sync(laptop, 'decks')).toEqual({ pushed: 0, pulled: 0 });
    expect(await serverDocIds(server, 'decks')).toEqual(before);
  });

  it('carry a changed deck and a deletion; a review that arrived before its deck applies when the deck does', async () => {
    const [phone, laptop] = [await device(), await device()];
    await importDeck(phone.db, mlDeck([card('a'), card('b')]), { enable: true, now: T0 });
    await sync(phone, 'deck-life');
    await sync(laptop, 'deck-life');
    await importDeck(phone.db, mlDeck([card('a', 'A better answer'), card('c')], 2), {
      enable: true,
      now: T0,
    });
    const reviewId = await rate(phone, 'user-ml.c', 3, T0 + HOUR);
    await sync(phone, 'deck-life');
    // The review reached the laptop before the deck's new content did (as from an older app).
    await applyReviews(laptop.db, [(await phone.db.logs.get(reviewId))!], () => testScheduler);
    expect(await laptop.db.states.get('user-ml.c')).toBeUndefined();
    await sync(laptop, 'deck-life');
    expect((await laptop.db.cards.get('user-ml.a'))?.answer.en).toBe('A better answer');
    expect(await laptop.db.cards.get('user-ml.b')).toMatchObject({ retired: true });
    expect(await laptop.db.states.get('user-ml.b')).toMatchObject({ hidden: 'retired' });
    expect(await laptop.db.states.get('user-ml.c')).toMatchObject({ reps: 1 });
    // Only the current content's chunks stay on the server.
    const hash = (await phone.db.decks.get('user-ml'))!.hash;
    expect((await serverDocIds(server, 'deck-life')).filter((id) => id.startsWith('deck:'))).toEqual([
      `deck:user-ml:${hash}:0`,
    ]);

    await deleteUserDeck(laptop.db, 'user-ml', T0 + 2 * HOUR);
    await sync(laptop, 'deck-life', { now: T0 + 2 * HOUR });
    await sync(phone, 'deck-life', { now: T0 + 3 * HOUR });
    expect(await phone.db.decks.get('user-ml')).toBeUndefined();
    expect(await phone.db.cards.where('deckId').equals('user-ml').count()).toBe(0);
    expect((await serverDocIds(server, 'deck-life')).filter((id) => id.startsWith('deck:'))).toEqual([]);
    // The built-in role is untouched.
    expect(await phone.db.decks.get('rag')).toBeDefined();

    // Imported again later on the phone: it wins over the deletion, and the laptop gets it back.
    await importDeck(phone.db, mlDeck([card('d')], 3), { enable: true, now: T0 + 4 * HOUR });
    await sync(phone, 'deck-life', { now: T0 + 4 * HOUR });
    await sync(laptop, 'deck-life', { now: T0 + 5 * HOUR });
    expect(await laptop.db.cards.get('user-ml.d')).toBeDefined();
  });

  it('leaves a deck this app cannot read as it is, here and on the server, and takes it once it can', async () => {
    const put = (doc: { _id: string; [key: string]: unknown }) =>
      fetch(`${server.url}/unreadable/${encodeURIComponent(doc._id)}`, {
        method: 'PUT',
        headers: {
          Authorization: `Basic ${btoa(`${server.user}:${server.password}`)}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(doc),
      });
    const { docs, ref } = deckChunks(mlDeck([card('a')]), 'h9');
    await fetch(`${server.url}/unreadable`, {
      method: 'PUT',
      headers: { Authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` },
    });
    // A newer app's chunk (format 2), then the field that names it.
    await put({ ...docs[0]!, format: 2 });
    const clock = { t: T0, c: 0, d: 'newer' };
    await put({ _id: DECKS_DOC, kind: 'fields', fields: { 'user-ml': { v: ref, c: clock } } });
    const laptop = await device();
    await sync(laptop, 'unreadable');
    await sync(laptop, 'unreadable', { now: T0 + HOUR });
    expect(await laptop.db.decks.get('user-ml')).toBeUndefined();
    const there = await (
      await fetch(`${server.url}/unreadable/${DECKS_DOC}`, {
        headers: { Authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` },
      })
    ).json();
    expect(there.fields['user-ml']).toEqual({ v: ref, c: clock });

    // The deck in a format this app reads, written later: taken.
    const readable = deckChunks(mlDeck([card('a'), card('b')]), 'h10');
    await put({ ...readable.docs[0]! });
    await put({
      _id: DECKS_DOC,
      _rev: there._rev,
      kind: 'fields',
      fields: { 'user-ml': { v: readable.ref, c: { ...clock, t: T0 + 2 * HOUR } } },
    });
    await sync(laptop, 'unreadable', { now: T0 + 3 * HOUR });
    expect(await laptop.db.cards.where('deckId').equals('user-ml').count()).toBe(2);
  });

  it('a device restored from a backup without a deck gets it back, rather than deleting it everywhere', async () => {
    const [phone, laptop] = [await device(), await device()];
    await importDeck(phone.db, mlDeck([card('a')]), { enable: true, now: T0 });
    await sync(phone, 'restored');
    await sync(laptop, 'restored');
    // A restore of a backup from before the import (restore declares itself wholesale).
    await phone.db.transaction('rw', [phone.db.decks, phone.db.cards, phone.db.states], async () => {
      declareBulk('*');
      await phone.db.decks.delete('user-ml');
      await phone.db.cards.where('deckId').equals('user-ml').delete();
      await phone.db.states.where('deckId').equals('user-ml').delete();
    });
    await sync(phone, 'restored', { now: T0 + HOUR });
    await sync(laptop, 'restored', { now: T0 + 2 * HOUR });
    for (const d of [phone, laptop]) expect(await d.db.cards.get('user-ml.a')).toBeDefined();
  });
});
