import type { ReviewLog } from '../../domain/scheduling/types';
import { deckOfCardDoc } from '../../domain/sync/cardFields';
import {
  batchSeqOf,
  MAX_REVIEWS_PER_BATCH,
  readReviewBatch,
  REVIEW_BATCH_PREFIX,
  reviewBatches,
} from '../../domain/sync/reviewBatch';
import { readUndone, UNDONE_PREFIX, undoneDocs } from '../../domain/sync/undone';
import { applyReviews } from '../../storage/sync/applyReviews';
import { settlePulled } from '../../storage/sync/settlePulled';
import { DEFERRED_REPLAY_ABOVE, storePulled, type PulledBatch } from '../../storage/sync/storePulled';
import { markOnServer, markPulled, markPushed, type Outbox } from '../../storage/sync/outbox';
import { loadProgress, noteFieldDocs, saveProgress, type SyncProgress } from '../../storage/sync/syncDb';
import { markUndoneSent, undoneToSend } from '../../storage/sync/undoneOutbox';
import type { Change } from './couch';
import { FIELD_DOCS } from './syncSettings';
import type { SyncCounts, SyncRun } from './syncRun';

/** Documents a page of the changes feed brings: up to 20 × 5,000 reviews. */
const CHANGES_PAGE = 20;

/**
 * Whether the pull needs a document of the feed: a review batch or an undo record, unless it is a
 * batch this device wrote from its own database (SyncProgress.ownFrom), whose reviews are here.
 * A device's first push leaves its pull position before its own batches; without this its next
 * sync downloaded and matched its whole history again. Another device's documents, wherever they
 * fall among this one's, are always got.
 */
function needed(id: string, { deviceId, ownFrom, nextSeq }: SyncProgress): boolean {
  if (id.startsWith(UNDONE_PREFIX)) return true;
  if (!id.startsWith(REVIEW_BATCH_PREFIX)) return false;
  const own = batchSeqOf(id, deviceId);
  return own === null || ownFrom === undefined || own < ownFrom || own >= nextSeq;
}

/** A page of the changes feed, read from `since`. */
export interface FeedPage {
  since: string;
  results: Change[];
  last_seq: string | number;
}

/** The settings, optimizer parameters and decks documents among a page's changes. */
const fieldDocsOf = (results: readonly Change[]) =>
  results.flatMap(({ id }) => (FIELD_DOCS.includes(id) ? [id] : []));

/**
 * The first page of the changes feed since the last pull, read before anything is merged; the
 * pull starts with it. The field documents it lists wait to be merged (SyncProgress.fieldDocs).
 * `complete`: the page is the whole feed, so a field document that does not wait has not been
 * written on the server since this device last merged it.
 */
export async function firstPage({ sync, remote }: SyncRun): Promise<FeedPage & { complete: boolean }> {
  const { pullSince } = await loadProgress(sync);
  const page = await remote.changes(pullSince, CHANGES_PAGE);
  await noteFieldDocs(sync, fieldDocsOf(page.results));
  return { since: pullSince, ...page, complete: page.results.length < CHANGES_PAGE };
}

/**
 * Every review batch and undo record the server has that this device has not applied, a page of
 * the changes feed at a time (ids only; the documents needed are got in one request), each page
 * in one transaction (applyReviews), starting with `first` if it is still where the pull stands.
 * The roles whose card data documents the feed says changed, and the field documents it lists,
 * are recorded with each page's position (SyncProgress.cardRoles, fieldDocs), to be merged after
 * the pull. A page short of the limit is the end of the feed: no request asks past it.
 */
export async function pullReviews(
  run: SyncRun,
  counts: SyncCounts,
  box: Outbox,
  first?: FeedPage,
): Promise<void> {
  const { db, sync, remote } = run;
  // Reviews undone anywhere, as far as this device knows: few, read once.
  const undoneEver = new Set(await sync.undone.toCollection().primaryKeys());
  for (let page = first; ; page = undefined) {
    const progress = await loadProgress(sync);
    // The first page's field documents were recorded when it was read.
    const given = page?.since === progress.pullSince ? page : undefined;
    const { results, last_seq } = given ?? (await remote.changes(progress.pullSince, CHANGES_PAGE));
    if (results.length === 0) break;
    const wanted: string[] = [];
    const remoteRoles = new Set(progress.cardRoles);
    const listed = given ? [] : fieldDocsOf(results);
    for (const change of results) {
      const role = deckOfCardDoc(change.id);
      if (role) remoteRoles.add(role);
      if (!change.deleted && needed(change.id, progress)) wanted.push(change.id);
    }
    const incoming: ReviewLog[] = [];
    const batches: PulledBatch[] = [];
    const undone = new Set<string>();
    for (const doc of await remote.docs(wanted)) {
      const batch = readReviewBatch(doc);
      if (batch) {
        incoming.push(...batch.reviews);
        batches.push({ key: (doc as { _id: string })._id, reviews: batch.reviews });
      }
      for (const id of readUndone(doc)) undone.add(id);
    }
    // A review undone on a device before this one met it (its record came first) stays out.
    for (const log of incoming) if (undoneEver.has(log.id)) undone.add(log.id);
    await run.pause?.();
    const pulledBefore = counts.pulled;
    // A large page is stored as blocks, a batch a transaction, its cards replayed once, after the
    // last page (settlePulled, below), its rows written in the background afterwards
    // (expandPulled). A transaction that removes reviews undone elsewhere is told apart by its
    // number, recorded as it commits (a page cut short is stored again, adding nothing).
    const large = incoming.length > DEFERRED_REPLAY_ABOVE || undone.size > DEFERRED_REPLAY_ABOVE;
    const applied = large
      ? await storePulled(db, batches, undone, {
          pause: run.pause,
          onStored: async (part) => {
            if (part.usn !== undefined) await markPulled(sync, part.usn);
            counts.pulled += part.added;
            run.onProgress?.({ ...counts, phase: 'pull' });
          },
        })
      : await applyReviews(db, incoming, run.schedulerFor, undone);
    if (undone.size) await sync.undone.bulkPut([...undone].map((id) => ({ id })));
    for (const id of undone) undoneEver.add(id);
    // Reviews matched one by one only when every review here is to be matched against the server's.
    const pullUsn = large ? undefined : applied.usn;
    await markOnServer(
      db,
      sync,
      box.everything ? incoming.map((l) => l.id) : [],
      pullUsn === undefined ? {} : { pullUsn },
    );
    const saved = await loadProgress(sync);
    await saveProgress(sync, {
      ...saved,
      pullSince: String(last_seq),
      ...(remoteRoles.size && { cardRoles: [...remoteRoles] }),
      ...(saved.fieldDocs && { fieldDocs: [...new Set([...saved.fieldDocs, ...listed])] }),
    });
    counts.pulled = pulledBefore + applied.added;
    if (applied.cardIds.length) run.onApplied?.(applied.cardIds);
    run.onProgress?.({ ...counts, phase: 'pull' });
    if (results.length < CHANGES_PAGE) break;
  }
  const replayed = await settlePulled(db, run.schedulerFor, {
    pause: run.pause,
    leaveWaiting: true,
    onProgress: (done, total) =>
      run.onProgress?.({ ...counts, phase: 'replay', replayed: done, toReplay: total }),
  });
  if (replayed.length) run.onApplied?.(replayed);
}

/**
 * A record on the server for each review undone here, before anything is pulled: this device's
 * own batch may come back in the pull, and must not bring the review back.
 */
export async function pushUndone(run: SyncRun): Promise<void> {
  const { usn, undone } = await undoneToSend(run.db, run.sync);
  const { deviceId } = await loadProgress(run.sync);
  for (const doc of undoneDocs(undone, deviceId, usn)) await run.remote.create(doc);
  await markUndoneSent(
    run.sync,
    undone.map(({ id }) => id),
    usn,
  );
}

/** Reviews a read of a batch's reviews takes at a time: each read is a transaction of its own. */
const READ_CHUNK = 500;

/**
 * The reviews of `ids` stored here, a few hundred per read: IndexedDB runs a review's write after
 * the reads of the same tables that came before it, so a review saved during a push waits for
 * one small read, not for 5,000 reviews (a batch), and none while ratings come (run.pause).
 */
async function readLogs({ db, pause }: SyncRun, ids: readonly string[]): Promise<ReviewLog[]> {
  const logs: ReviewLog[] = [];
  for (let i = 0; i < ids.length; i += READ_CHUNK) {
    await pause?.();
    for (const log of await db.logs.bulkGet(ids.slice(i, i + READ_CHUNK))) if (log) logs.push(log);
  }
  return logs;
}

/**
 * This device's reviews the server lacks (`box`, read before the pull), as immutable batches. A
 * batch number already taken on the server was used by a push whose answer never arrived (or by
 * another tab): what it holds is on the server, the rest goes in the next batch.
 */
export async function pushReviews(run: SyncRun, counts: SyncCounts, box: Outbox): Promise<void> {
  const { db, sync, remote } = run;
  for await (const ids of box.pages(MAX_REVIEWS_PER_BATCH)) {
    let logs = await readLogs(run, ids);
    while (logs.length) {
      await run.pause?.();
      const { deviceId, nextSeq } = await loadProgress(sync);
      const [doc] = reviewBatches(deviceId, nextSeq, logs);
      if (await remote.create(doc!)) {
        await markOnServer(
          db,
          sync,
          logs.map((l) => l.id),
          { pushedSeq: nextSeq, written: true },
        );
        counts.pushed += logs.length;
        run.onProgress?.({ ...counts, phase: 'push' });
        break;
      }
      const there = new Set(readReviewBatch(await remote.get(doc!._id))?.reviews.map((l) => l.id));
      await markOnServer(db, sync, [...there], { pushedSeq: nextSeq });
      logs = logs.filter((l) => !there.has(l.id));
    }
  }
  await markPushed(sync, box.usn);
}
