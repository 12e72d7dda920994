import type { ReviewLog } from '../../domain/scheduling/types';
import { deckOfCardDoc } from '../../domain/sync/cardFields';
import { MAX_REVIEWS_PER_BATCH, readReviewBatch, reviewBatches } from '../../domain/sync/reviewBatch';
import { readUndone, undoneDoc } from '../../domain/sync/undone';
import { applyReviews } from '../../storage/sync/applyReviews';
import { markOnServer, markPushed, type Outbox } from '../../storage/sync/outbox';
import { loadProgress, saveProgress } from '../../storage/sync/syncDb';
import type { SyncCounts, SyncRun } from './syncRun';

/** Documents a page of the changes feed brings: up to 20 × 5,000 reviews. */
const CHANGES_PAGE = 20;

/**
 * Every review batch and undo record the server has that this device has not applied, a page of
 * the changes feed at a time, each page in one transaction (applyReviews). Returns the roles whose
 * card data documents changed on the server.
 */
export async function pullReviews(run: SyncRun, counts: SyncCounts, box: Outbox): Promise<Set<string>> {
  const { db, sync, remote } = run;
  const remoteRoles = new Set<string>();
  // Reviews undone anywhere, as far as this device knows: few, read once.
  const undoneEver = new Set(await sync.undone.toCollection().primaryKeys());
  for (;;) {
    const { pullSince } = await loadProgress(sync);
    const { results, last_seq } = await remote.changes(pullSince, CHANGES_PAGE);
    if (results.length === 0) break;
    const incoming: ReviewLog[] = [];
    const undone = new Set<string>();
    for (const change of results) {
      const role = deckOfCardDoc(change.id);
      if (role) remoteRoles.add(role);
      if (change.deleted) continue;
      const batch = readReviewBatch(change.doc);
      if (batch) incoming.push(...batch.reviews);
      const undoneId = readUndone(change.doc);
      if (undoneId) undone.add(undoneId);
    }
    // A review undone on a device before this one met it (its record came first) stays out.
    for (const log of incoming) if (undoneEver.has(log.id)) undone.add(log.id);
    const applied = await applyReviews(db, incoming, run.schedulerFor, undone);
    if (undone.size) await sync.undone.bulkPut([...undone].map((id) => ({ id })));
    for (const id of undone) undoneEver.add(id);
    // Pulled reviews are told apart by their transactions' numbers; one by one only when every
    // review here is to be matched against the server's.
    await markOnServer(
      db,
      sync,
      box.everything ? incoming.map((l) => l.id) : [],
      applied.usn === undefined ? {} : { pullUsn: applied.usn },
    );
    await saveProgress(sync, { ...(await loadProgress(sync)), pullSince: String(last_seq) });
    counts.pulled += applied.added;
    if (applied.cardIds.length) run.onApplied?.(applied.cardIds);
    run.onProgress?.({ ...counts, phase: 'pull' });
  }
  return remoteRoles;
}

/**
 * A record on the server for each review undone here, before anything is pulled: this device's
 * own batch may come back in the pull, and must not bring the review back.
 */
export async function pushUndone(run: SyncRun, box: Outbox): Promise<void> {
  for (const review of box.undone) await run.remote.create(undoneDoc(review));
  if (box.undone.length) await run.sync.undone.bulkPut(box.undone.map(({ id }) => ({ id })));
}

/**
 * This device's reviews the server lacks (`box`, read before the pull), as immutable batches. A
 * batch number already taken on the server was used by a push whose answer never arrived (or by
 * another tab): what it holds is on the server, the rest goes in the next batch.
 */
export async function pushReviews(run: SyncRun, counts: SyncCounts, box: Outbox): Promise<void> {
  const { db, sync, remote } = run;
  for await (const ids of box.pages(MAX_REVIEWS_PER_BATCH)) {
    let logs = (await db.logs.bulkGet(ids)).filter((l): l is ReviewLog => l !== undefined);
    while (logs.length) {
      const { deviceId, nextSeq } = await loadProgress(sync);
      const [doc] = reviewBatches(deviceId, nextSeq, logs);
      if (await remote.create(doc!)) {
        await markOnServer(
          db,
          sync,
          logs.map((l) => l.id),
          { pushedSeq: nextSeq },
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
