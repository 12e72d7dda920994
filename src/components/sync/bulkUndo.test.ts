// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../domain/deck/schema';
import type { ReviewLog } from '../../domain/scheduling/types';
import { readUndone, UNDONE_PREFIX } from '../../domain/sync/undone';
import { rollBack } from '../../storage/backup/restore';
import { fromRow } from '../../storage/db';
import { importDeck } from '../../storage/importExport/deckImport';
import { applyReviews } from '../../storage/sync/applyReviews';
import { startCouchTestServer, type CouchTestServer } from '../../../scripts/couch-test-server.mjs';
import { device, HOUR, syncer, T0, testScheduler, type Device } from './syncTesting';

let server: CouchTestServer;
let sync: ReturnType<typeof syncer>;
beforeAll(async () => {
  server = await startCouchTestServer();
  sync = syncer(server);
});
afterAll(() => server.close());

const CARDS = 1_200;

const deck = (version: number, answer: string): Deck => ({
  id: 'user-big',
  version,
  title: { en: 'Big deck', zh: '大卡组' },
  description: { en: 'Imported', zh: '导入' },
  cards: Array.from({ length: CARDS }, (_, i) => ({
    id: `user-big.c${i}`,
    topic: 'basics',
    tags: [],
    difficulty: 1 as const,
    type: 'concept' as const,
    question: { en: `Q ${i}`, zh: `问 ${i}` },
    answer: { en: `${answer} ${i}`, zh: `${answer} ${i}` },
  })),
});

/** A review of every card of the deck, stored in one go (as a session's would be, one by one). */
async function reviewAll(d: Device, at: number): Promise<ReviewLog[]> {
  const states = await d.db.states.where('deckId').equals('user-big').toArray();
  const logs = states.map((row, i) => testScheduler.answer(fromRow(row), 3, at + i, 3000, `big-${i}`).log);
  await applyReviews(d.db, logs, () => testScheduler);
  return logs;
}

async function serverDocs(database: string): Promise<{ _id: string; [key: string]: unknown }[]> {
  const response = await fetch(`${server.url}/${database}/_all_docs?include_docs=true`, {
    headers: { Authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` },
  });
  return ((await response.json()) as { rows: { doc: { _id: string } }[] }).rows.map((r) => r.doc);
}

describe('a role rolled back to its snapshot, past more than a thousand reviews', () => {
  it('takes those reviews off every device, in a few documents', async () => {
    const [phone, laptop] = [await device(), await device()];
    await importDeck(phone.db, deck(1, 'First'), { enable: true, now: T0 });
    await sync(phone, 'bulk-undo', { now: T0 });
    await sync(laptop, 'bulk-undo', { now: T0 });
    // Re-imported (a snapshot of the role is taken), then every card reviewed.
    await importDeck(phone.db, deck(2, 'Second'), { enable: true, now: T0 + HOUR });
    const reviews = await reviewAll(phone, T0 + 2 * HOUR);
    await sync(phone, 'bulk-undo');
    await sync(laptop, 'bulk-undo');
    expect(await laptop.db.logs.where('deckId').equals('user-big').count()).toBe(CARDS);

    await rollBack(phone.db, T0 + 3 * HOUR);
    expect(await phone.db.logs.where('deckId').equals('user-big').count()).toBe(0);
    await sync(phone, 'bulk-undo', { now: T0 + 3 * HOUR });
    await sync(laptop, 'bulk-undo', { now: T0 + 3 * HOUR });
    expect(await laptop.db.logs.where('deckId').equals('user-big').count()).toBe(0);
    const states = await laptop.db.states.where('deckId').equals('user-big').toArray();
    expect(states.filter((s) => s.reps > 0)).toEqual([]);
    expect((await laptop.db.cards.get('user-big.c7'))?.answer.en).toBe('First 7');
    expect(
      (await laptop.db.days.where('deckId').equals('user-big').toArray()).filter((d) => d.count),
    ).toEqual([]);

    // One record per review, in a document or two rather than 1,200; each well under CouchDB's 8 MB.
    const records = (await serverDocs('bulk-undo')).filter((d) => d._id.startsWith(UNDONE_PREFIX));
    expect(records.length).toBeLessThanOrEqual(2);
    expect(new Set(records.flatMap(readUndone))).toEqual(new Set(reviews.map((l) => l.id)));
    for (const doc of records) expect(JSON.stringify(doc).length).toBeLessThan(1_000_000);

    // A device that meets the batches later leaves the reviews out.
    const tablet = await device();
    await sync(tablet, 'bulk-undo', { now: T0 + 4 * HOUR });
    expect(await tablet.db.logs.where('deckId').equals('user-big').count()).toBe(0);
    expect(await tablet.db.cards.where('deckId').equals('user-big').count()).toBe(CARDS);
  }, 120_000);
});
