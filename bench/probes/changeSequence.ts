/**
 * Probe page for the change sequence (issue 15): on the bench's full collection (1M reviews),
 * the review transaction with and without the sequence's middleware, alternating, and reading
 * "what changed since N" from a change log grown to many rows, before and after pruning.
 * Run by bench/probes/changeSequence.mjs.
 */
import Dexie from 'dexie';
import { CardState, type ReviewLog } from '../../src/domain/scheduling/types';
import { changesSince, currentUsn } from '../../src/storage/changeSequence';
import { fromRow, type AppDb, type StateRow } from '../../src/storage/db';
import { defineSchema, openDb } from '../../src/storage/openDb';
import { floorTracking } from '../../src/storage/floorTracking';
import { recordReview } from '../../src/storage/reviews';

/** The app's database as before the sequence: the same schema, without its middleware. */
function openWithout(): AppDb {
  const db = new Dexie('interview-recall', { cache: 'disabled' }) as AppDb;
  db.unuse({ stack: 'dbcore', name: 'Observability' });
  db.use(floorTracking);
  defineSchema(db);
  return db;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};

async function reviews(runs: number) {
  const t0 = performance.now();
  const withSeq = openDb();
  await withSeq.open();
  const openMs = performance.now() - t0;
  const without = openWithout();
  await without.open();
  const rows = (await withSeq.states
    .where('[deckId+queue+due]')
    .between(
      ['synthetic-01', CardState.Review, Dexie.minKey],
      ['synthetic-01', CardState.Review, Dexie.maxKey],
    )
    .limit(runs * 2)
    .toArray()) as StateRow[];
  const template = (await withSeq.logs.where('cardId').equals(rows[0]!.cardId).first()) as ReviewLog;
  const times: Record<'with' | 'without', number[]> = { with: [], without: [] };
  const ids: string[] = [];
  for (let i = 0; i < runs * 2; i++) {
    const variant = i % 2 === 0 ? 'with' : 'without';
    const db = variant === 'with' ? withSeq : without;
    const row = rows[i % rows.length]!;
    const state = fromRow(row);
    const log = { ...template, id: `probe-${i}`, cardId: row.cardId, review: Date.now() };
    const t = performance.now();
    await recordReview(db, { ...state, reps: state.reps + 1 }, log, state);
    times[variant].push(performance.now() - t);
    ids.push(log.id);
    // Put the state back (outside the timing), so the collection ends as it began.
    await db.states.put(row);
  }
  await withSeq.logs.bulkDelete(ids);
  without.close();
  const summary = (xs: number[]) => ({ median: pct(xs, 0.5), p95: pct(xs, 0.95), n: xs.length });
  return {
    openMs,
    with: summary(times.with),
    without: summary(times.without),
    usn: await currentUsn(withSeq),
  };
}

/** Grows the change log to `rows` review-sized rows, then times reading the newest 50, pruned or not. */
async function changeLogReads(rows: number) {
  const db = openDb();
  await db.open();
  const first = (await currentUsn(db)) + 1;
  const row = (usn: number) => ({
    usn,
    changes: [
      { table: 'states' as const, key: `synthetic-01.c${usn % 9000}`, deckId: 'synthetic-01' },
      {
        table: 'logs' as const,
        key: `probe-log-${usn}`,
        deckId: 'synthetic-01',
        review: 1_790_000_000_000 + usn,
      },
    ],
  });
  for (let u = first; u < first + rows; u += 10_000) {
    const batch = Array.from({ length: Math.min(10_000, first + rows - u) }, (_, k) => row(u + k));
    await db.changeLog.bulkPut(batch);
  }
  const last = first + rows - 1;
  const timeRead = async () => {
    const xs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await changesSince(db, last - 50);
      xs.push(performance.now() - t);
    }
    return { median: pct(xs, 0.5), p95: pct(xs, 0.95) };
  };
  const full = await timeRead();
  const grownBytes = await estimate();
  const t = performance.now();
  await db.changeLog
    .where('usn')
    .below(last - 100)
    .delete();
  const pruneMs = performance.now() - t;
  const pruned = await timeRead();
  await new Promise((r) => setTimeout(r, 10_000));
  const prunedLater = await timeRead();
  const bytesPerRow = JSON.stringify(row(last)).length;
  await db.changeLog.where('usn').aboveOrEqual(first).delete();
  return {
    rows,
    readNewest50: full,
    grownUsageMB: grownBytes / 1e6,
    pruneMs,
    afterPrune: pruned,
    tenSecondsAfterPrune: prunedLater,
    jsonBytesPerReviewRow: bytesPerRow,
  };
}

async function estimate() {
  const e = await navigator.storage.estimate();
  return e.usage ?? 0;
}

async function info() {
  const db = openDb();
  await db.open();
  return { dbs: await indexedDB.databases(), states: await db.states.count(), logs: await db.logs.count() };
}

Object.assign(window, { probe: { reviews, changeLogReads, estimate, info } });
document.body.dataset.ready = '1';
