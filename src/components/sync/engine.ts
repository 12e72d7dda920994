import type { Scheduler } from '../../domain/scheduling/scheduler';
import type { ReviewLog } from '../../domain/scheduling/types';
import { MAX_REVIEWS_PER_BATCH, readReviewBatch, reviewBatches } from '../../domain/sync/reviewBatch';
import type { AppDb } from '../../storage/db';
import { deckOfCardDoc } from '../../domain/sync/cardFields';
import { applyReviews } from '../../storage/sync/applyReviews';
import { rolesChangedSince } from '../../storage/sync/cardData';
import { markChecked, rejoinIfRestored } from '../../storage/sync/rejoin';
import { markAllPushed, markOnServer, unpushedReviews } from '../../storage/sync/outbox';
import { loadProgress, saveProgress, type SyncDb } from '../../storage/sync/syncDb';
import type { CouchDatabase } from './couch';
import { syncFieldDoc } from './syncFields';
import { cardDataDoc, fsrsParamsDoc, settingsDoc } from './syncSettings';

/** Documents a page of the changes feed brings: up to 20 × 5,000 reviews. */
const CHANGES_PAGE = 20;

export interface SyncCounts {
  pushed: number;
  pulled: number;
}

export interface SyncRun {
  db: AppDb;
  sync: SyncDb;
  remote: CouchDatabase;
  schedulerFor: (deckId: string) => Scheduler;
  now: () => number;
  onProgress?: (counts: SyncCounts & { phase: 'push' | 'pull' }) => void;
  /** Cards whose state the pulled reviews changed (open review sessions drop them). */
  onApplied?: (cardIds: string[]) => void;
  /** This device's settings or optimizer parameters changed: another device's edits arrived. */
  onSettingsChanged?: () => void;
}

/**
 * One sync: this device's new reviews pushed as immutable batches, then every batch the server
 * has that this device has not applied, applied; then the settings, optimizer parameters, and each changed role's flags, suspensions and
 * notes merged field by field. Each step is recorded as it completes, so a sync
 * cut short (offline, tab closed) resumes where it stopped and repeats nothing that matters: a
 * batch written twice is refused by the server, a review applied twice is a no-op.
 */
export async function runSync(run: SyncRun): Promise<SyncCounts> {
  const { db, sync, remote } = run;
  const counts: SyncCounts = { pushed: 0, pulled: 0 };
  await remote.ensure();
  const { usn } = await rejoinIfRestored(db, sync);
  for (;;) {
    const startedAt = run.now();
    const page = await unpushedReviews(db, sync, MAX_REVIEWS_PER_BATCH);
    if (page.length === 0) {
      await markAllPushed(sync, startedAt);
      break;
    }
    const { deviceId, nextSeq } = await loadProgress(sync);
    const [doc] = reviewBatches(deviceId, nextSeq, page);
    if (await remote.create(doc!)) await markOnServer(sync, page, nextSeq);
    else {
      // This number was used by a push whose answer never arrived (or by another tab): what it
      // holds is on the server; the rest of the page goes in the next batch.
      const there = readReviewBatch(await remote.get(doc!._id));
      await markOnServer(sync, there?.reviews ?? [], nextSeq);
      continue;
    }
    counts.pushed += page.length;
    run.onProgress?.({ ...counts, phase: 'push' });
  }
  const remoteRoles = new Set<string>();
  for (;;) {
    const { pullSince } = await loadProgress(sync);
    const { results, last_seq } = await remote.changes(pullSince, CHANGES_PAGE);
    if (results.length === 0) break;
    const incoming: ReviewLog[] = [];
    for (const change of results) {
      const role = deckOfCardDoc(change.id);
      if (role) remoteRoles.add(role);
      const batch = change.deleted ? null : readReviewBatch(change.doc);
      if (batch) incoming.push(...batch.reviews);
    }
    const applied = await applyReviews(db, incoming, run.schedulerFor);
    await markOnServer(sync, incoming);
    await saveProgress(sync, { ...(await loadProgress(sync)), pullSince: String(last_seq) });
    counts.pulled += applied.added;
    if (applied.cardIds.length) run.onApplied?.(applied.cardIds);
    run.onProgress?.({ ...counts, phase: 'pull' });
  }
  let changed = false;
  for (const doc of [settingsDoc(db), fsrsParamsDoc(db)])
    if (await syncFieldDoc(doc, sync, remote, run.now())) changed = true;
  if (changed) run.onSettingsChanged?.();
  const { deckIds, usn: cardsUsn } = await rolesChangedSince(db, (await loadProgress(sync)).cardsUsn);
  for (const deckId of new Set([...deckIds, ...remoteRoles]))
    await syncFieldDoc(
      cardDataDoc(db, deckId, run.now(), (ids) => run.onApplied?.(ids)),
      sync,
      remote,
      run.now(),
    );
  await saveProgress(sync, { ...(await loadProgress(sync)), cardsUsn });
  await markChecked(sync, usn);
  return counts;
}
