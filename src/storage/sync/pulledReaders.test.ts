import { describe, expect, it } from 'vitest';
import { type SchedulerOptions } from '../../domain/scheduling/scheduler';
import type { ReviewLog } from '../../domain/scheduling/types';
import { validateBackup } from '../../domain/backup/validate';
import { parseJson } from '../../domain/import/safeJson';
import { restoreBackup, rollBack } from '../backup/restore';
import { writeBackup } from '../backup/writeBackup';
import { loadCardPage } from '../cardPage';
import { resetCards } from '../cardActionWrites';
import { fromRow, type AppDb } from '../db';
import { syncDecks } from '../deckSync';
import { exportText } from '../logBlocks/fixtures';
import { readCardHistories } from '../optimizerLogs';
import { rescheduleCards } from '../reschedule';
import { recordReview } from '../reviews';
import { loadStatsSource } from '../statsSource';
import { freshDb, testCard, testDeckFile } from '../testing';
import { undoReview } from '../reviewWrites';
import { expandPulled } from './expandPulled';
import { outbox } from './outbox';
import { pulledLeft } from './pulledState';
import { settlePulled } from './settlePulled';
import { storePulled } from './storePulled';
import { openSyncDb } from './syncDb';
import { dailyReviews, DAY, T0, testScheduler } from './pulledTesting';

/*
 * What each reader of every review sees while a large pull's reviews are still in blocks, not yet
 * written into `logs` (expandPulled): the card page reads the blocks too; the others write them
 * into `logs` first, so that they read all of them there.
 */

const scheduler = testScheduler(false);
const NOW = T0 + 30 * DAY;

const reviews = (cardId: string, n: number, from: number, prefix: string) =>
  dailyReviews(scheduler, cardId, n, from, prefix);

/** A device whose first pull (rag.a: 6 reviews, rag.b: 4) ended, its reviews still in blocks. */
async function pulledDevice(): Promise<{ db: AppDb; pulled: ReviewLog[] }> {
  const db = freshDb();
  await syncDecks(db, [
    testDeckFile(
      'rag',
      ['a', 'b'].map((k) => testCard('rag', k)),
    ),
  ]);
  const pulled = [...reviews('rag.a', 6, T0, 'a'), ...reviews('rag.b', 4, T0, 'b')];
  await storePulled(db, [
    { key: 'reviews:laptop:0000000000', reviews: pulled.filter((_, i) => i % 2 === 0) },
    { key: 'reviews:laptop:0000000001', reviews: pulled.filter((_, i) => i % 2 === 1) },
  ]);
  await settlePulled(db, () => scheduler);
  expect(await db.logs.count()).toBe(0);
  expect(await pulledLeft(db)).toBe(pulled.length);
  return { db, pulled };
}

const ids = (logs: readonly ReviewLog[]) => logs.map((l) => l.id).sort();

async function backupOf(db: AppDb) {
  let text = '';
  await writeBackup(db, NOW, { write: (t) => (text += t), progress: () => {} });
  const json = parseJson(text);
  if (!json.ok) throw new Error('not JSON');
  const result = validateBackup(json.value, text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('readers of every review while pulled reviews wait in blocks', () => {
  it('the card page shows the card’s whole history, each review once, before and while the blocks are written', async () => {
    const { db, pulled } = await pulledDevice();
    const own = pulled.filter((l) => l.cardId === 'rag.a');
    expect((await loadCardPage(db, 'rag.a'))!.logs).toEqual(own);
    // One of the two blocks written into `logs` (the tab closed then): still each once, oldest first.
    let steps = 0;
    const closing = () => (++steps === 2 ? Promise.reject(new Error('tab closed')) : Promise.resolve());
    await expect(expandPulled(db, { pause: closing })).rejects.toThrow('tab closed');
    expect(await db.logs.count()).toBe(5);
    expect(await pulledLeft(db)).toBe(5);
    expect((await loadCardPage(db, 'rag.a'))!.logs).toEqual(own);
  });

  it('a backup holds every pulled review', async () => {
    const { db, pulled } = await pulledDevice();
    const data = await backupOf(db);
    expect(ids(data.logs)).toEqual(ids(pulled));
    expect(await pulledLeft(db)).toBe(0);
  });

  it('the history export lists every pulled review', async () => {
    const { db, pulled } = await pulledDevice();
    const rows = (await exportText(db)).trim().split('\n').slice(1);
    expect(rows).toHaveLength(pulled.length);
    for (const l of pulled) expect(rows.some((r) => r.startsWith(`${l.cardId},${l.review},`))).toBe(true);
  });

  it('the optimizer reads every pulled review', async () => {
    const { db, pulled } = await pulledDevice();
    const histories = await readCardHistories(db, null, 4);
    expect(histories.reduce((n, h) => n + h.length, 0)).toBe(pulled.length);
  });

  it('rescheduling reads every pulled review, and its snapshot holds them', async () => {
    const { db, pulled } = await pulledDevice();
    const options = {
      desiredRetention: 0.85,
      learningSteps: ['1m', '10m'],
      relearningSteps: ['10m'],
      fuzz: false,
      maximumInterval: 36_500,
    } satisfies SchedulerOptions;
    await rescheduleCards(db, { rag: options }, NOW);
    expect(ids(await db.logs.toArray())).toEqual(ids(pulled));
    // Rolled back (to the snapshot taken before), every pulled review is still there once.
    await rollBack(db, NOW);
    expect(ids(await db.logs.toArray())).toEqual(ids(pulled));
    expect(await pulledLeft(db)).toBe(0);
    expect((await db.days.toArray()).reduce((n, d) => n + d.count, 0)).toBe(pulled.length);
  });

  it('a reset counts from after the latest pulled review, even one later than now', async () => {
    const { db } = await pulledDevice();
    const ahead = { ...reviews('rag.a', 1, NOW + DAY, 'ahead')[0]! };
    await storePulled(db, [{ key: 'reviews:tablet:0000000000', reviews: [ahead] }]);
    await settlePulled(db, () => scheduler);
    await resetCards(db, ['rag.a'], NOW);
    expect(fromRow((await db.states.get('rag.a'))!).resetAt).toBe(ahead.review);
  });

  it('a restore replacing everything leaves no pulled review behind to come back later', async () => {
    const { db } = await pulledDevice();
    const empty = freshDb();
    await syncDecks(empty, [
      testDeckFile(
        'rag',
        ['a', 'b'].map((k) => testCard('rag', k)),
      ),
    ]);
    const backup = await backupOf(empty);
    await restoreBackup(db, backup, 'replace', NOW);
    expect(await db.logs.count()).toBe(0);
    expect(await pulledLeft(db)).toBe(0);
    expect(await db.pulledBlocks.count()).toBe(0);
    expect((await db.days.toArray()).reduce((n, d) => n + d.count, 0)).toBe(0);
  });

  it('statistics rebuilt for a new rollover hour count every pulled review', async () => {
    const { db, pulled } = await pulledDevice();
    const { days } = await loadStatsSource(db, null, 7);
    expect(days.reduce((n, d) => n + d.count, 0)).toBe(pulled.length);
  });

  it('undo of a rating here, and the push, see this device’s own reviews alone', async () => {
    const { db } = await pulledDevice();
    const sync = openSyncDb(`pulled-readers-${Math.random()}`);
    const before = fromRow((await db.states.get('rag.b'))!);
    const { next, log } = scheduler.answer(before, 3, NOW, 2000, 'mine');
    await recordReview(db, next, log, before);
    const box = await outbox(db, sync);
    const offered: string[] = [];
    for await (const page of box.pages(100)) offered.push(...page);
    expect(offered).toEqual(['mine']);
    await undoReview(db, before, 'mine', next);
    expect(fromRow((await db.states.get('rag.b'))!)).toEqual(before);
    expect(await pulledLeft(db)).toBe(10);
  });
});
