import Dexie from 'dexie';
import { currentUsn } from '../changeSequence';
import type { AppDb } from '../db';
import { loadProgress, saveProgress, type SyncDb } from './syncDb';

/**
 * What this device has to push, read from the change sequence (changeSequence.ts) above the
 * number the last complete push covered, never from review times: a review made while the clock
 * was set back (a day, a year) is pushed like any other. Transactions that wrote what a pull
 * brought are skipped; reviews pushed or pulled since the last complete push are `seen`. With no
 * such number yet (first sync, after a restore) every review not seen is offered, after a full pull.
 */
export interface Outbox {
  /** The change sequence number the outbox covers: once all is pushed, the next push starts there. */
  usn: number;
  /**
   * Every review stored here not seen on the server is offered (no push to start from): the pull
   * comes first and marks what it brings as seen.
   */
  everything: boolean;
  /** The ids of the reviews to push, in pages of up to `size`, each read when asked for. */
  pages: (size: number) => AsyncGenerator<string[]>;
}

export async function outbox(db: AppDb, sync: SyncDb): Promise<Outbox> {
  const { pushedUsn, pulls } = await loadProgress(sync);
  if (pushedUsn === undefined) {
    // Whether there is any review, not how many: counting walks every review (half a second for
    // 100,000 here), and a review's write waits for it.
    const [usn, some] = await Promise.all([currentUsn(db), db.logs.toCollection().limit(1).primaryKeys()]);
    // A device with no reviews yet (a new one's first sync) has nothing to match against the server.
    if (some.length === 0) return { usn, everything: false, pages: nothing };
    return { usn, everything: true, pages: (size) => everyReview(db, sync, size) };
  }
  const skip = new Set(pulls);
  return db.transaction('r', db.changeLog, db.logs, async () => {
    const [usn, rows] = await Promise.all([
      currentUsn(db),
      db.changeLog.where('usn').above(pushedUsn).toArray(),
    ]);
    const latest = new Map<string, { deckId: string; deleted?: true }>();
    const decks = new Set<string>();
    for (const row of rows) {
      if (skip.has(row.usn) || row.pulled) continue;
      for (const scope of row.bulk ?? []) decks.add(scope);
      for (const c of row.changes) {
        if (c.table !== 'logs') continue;
        latest.delete(c.key);
        latest.set(c.key, c);
      }
    }
    if (decks.has('*')) return { usn, everything: true, pages: (size) => everyReview(db, sync, size) };
    const ids = [...latest].flatMap(([id, c]) => (c.deleted ? [] : [id]));
    // A deck rewritten wholesale (a rollback) may bring back reviews: all its reviews are offered.
    for (const deckId of decks)
      ids.push(
        ...(await db.logs
          .where('[deckId+review]')
          .between([deckId, Dexie.minKey], [deckId, Dexie.maxKey])
          .primaryKeys()),
      );
    return { usn, everything: false, pages: (size) => listed(db, sync, [...new Set(ids)], size) };
  });
}

async function* nothing(): AsyncGenerator<string[]> {}

/**
 * The reviews seen on the server since the last complete push, read once per walk of the outbox:
 * few, except while a device that offers everything (a restore) matches its history against a
 * server that holds most of it.
 */
async function seenIds(sync: SyncDb): Promise<Set<string>> {
  const seen = new Set<string>();
  await sync.seenSets.each((row) => row.ids.forEach((id) => seen.add(id)));
  return seen;
}

async function* listed(db: AppDb, sync: SyncDb, ids: string[], size: number) {
  const seen = await seenIds(sync);
  const offered = ids.filter((id) => !seen.has(id));
  let page: string[] = [];
  for (let i = 0; i < offered.length; i += size) {
    const chunk = offered.slice(i, i + size);
    const logs = await db.logs.bulkGet(chunk);
    page.push(...chunk.filter((_, j) => logs[j]));
    while (page.length >= size) {
      yield page.slice(0, size);
      page = page.slice(size);
    }
  }
  if (page.length) yield page;
}

/** Every review stored here and not seen, in id order, a page at a time (a million never at once). */
async function* everyReview(db: AppDb, sync: SyncDb, size: number) {
  const seen = await seenIds(sync);
  let after: string | null = null;
  let page: string[] = [];
  for (;;) {
    const ids: string[] = await (after === null ? db.logs.orderBy('id') : db.logs.where('id').above(after))
      .limit(size)
      .primaryKeys();
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    page.push(...ids.filter((id) => !seen.has(id)));
    while (page.length >= size) {
      yield page.slice(0, size);
      page = page.slice(size);
    }
  }
  if (page.length) yield page;
}

const COUNT_PAGE = 2_000;

/**
 * How many reviews wait to be pushed (the Sync section's "pending"): the outbox walked a page at a
 * time, each page its own short transaction. Before a first complete push that is every review
 * here not seen on the server; one count of them (a transaction over the whole store) made a
 * review's write wait for it, half a second for 100,000 reviews here, each time a tab asked.
 */
export async function countUnpushed(db: AppDb, sync: SyncDb): Promise<number> {
  const box = await outbox(db, sync);
  let count = 0;
  for await (const page of box.pages(COUNT_PAGE)) count += page.length;
  return count;
}

/**
 * Records reviews as on the server (pushed, or brought by a pull): never pushed again. `pushedSeq`:
 * they were pushed in this device's batch of that number, which is used up; `written`: this push
 * wrote that batch from this database (not one an earlier push had written), so the pull may pass
 * it over. `pullUsn`: the change sequence number of the transaction that stored what a pull
 * brought, skipped by the next outbox.
 */
export async function markOnServer(
  db: AppDb,
  sync: SyncDb,
  ids: readonly string[],
  { pushedSeq, written, pullUsn }: { pushedSeq?: number; written?: boolean; pullUsn?: number } = {},
): Promise<void> {
  const usn = await currentUsn(db);
  await sync.transaction('rw', sync.kv, sync.seenSets, async () => {
    const progress = await loadProgress(sync);
    if (ids.length) await sync.seenSets.add({ usn, ids: [...ids] });
    await saveProgress(sync, {
      ...progress,
      nextSeq: pushedSeq === undefined ? progress.nextSeq : Math.max(progress.nextSeq, pushedSeq + 1),
      ...(written && pushedSeq !== undefined && progress.ownFrom === undefined && { ownFrom: pushedSeq }),
      ...(pullUsn !== undefined && { pulls: [...(progress.pulls ?? []), pullUsn] }),
    });
  });
}

/**
 * The transaction of number `usn` stored what a pull brought: the next outbox skips it (as
 * markOnServer's `pullUsn`, without reading this database: a large page records one per part).
 */
export async function markPulled(sync: SyncDb, usn: number): Promise<void> {
  await sync.transaction('rw', sync.kv, async () => {
    const progress = await loadProgress(sync);
    await saveProgress(sync, { ...progress, pulls: [...(progress.pulls ?? []), usn] });
  });
}

/** Everything the outbox of number `usn` listed is on the server: the next one starts there. */
export async function markPushed(sync: SyncDb, usn: number): Promise<void> {
  await sync.transaction('rw', sync.kv, sync.seenSets, async () => {
    const progress = await loadProgress(sync);
    await sync.seenSets.where('usn').belowOrEqual(usn).delete();
    await saveProgress(sync, {
      ...progress,
      pushedUsn: Math.max(progress.pushedUsn ?? usn, usn),
      pulls: (progress.pulls ?? []).filter((u) => u > usn),
    });
  });
}
