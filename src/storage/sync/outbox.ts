import type { ReviewLog } from '../../domain/scheduling/types';
import type { AppDb } from '../db';
import { loadProgress, saveProgress, type SyncDb } from './syncDb';

/**
 * A clock set back, or a review written a moment after a later one, may record a review a little
 * before the newest one pushed: reviews up to a week older than it are still looked at, and known
 * by id (`seen`) so none is pushed twice. (A clock set back further than that would keep the
 * reviews made meanwhile here until a restore or a new setup offers everything again.)
 */
export const PUSH_MARGIN_MS = 7 * 86_400_000;

/** This device's reviews not yet on the server, oldest first. */
async function unpushed(db: AppDb, sync: SyncDb) {
  const { pushedThrough } = await loadProgress(sync);
  const from = pushedThrough - PUSH_MARGIN_MS;
  const seen = new Set(
    Number.isFinite(from)
      ? await sync.seen.where('review').aboveOrEqual(from).primaryKeys()
      : await sync.seen.toCollection().primaryKeys(),
  );
  const range = Number.isFinite(from)
    ? db.logs.where('review').aboveOrEqual(from)
    : db.logs.orderBy('review');
  return range.filter((log) => !seen.has(log.id));
}

/** Up to `limit` reviews of this device's history not yet on the server, oldest first. */
export const unpushedReviews = async (db: AppDb, sync: SyncDb, limit: number): Promise<ReviewLog[]> =>
  (await unpushed(db, sync)).limit(limit).toArray();

/** How many reviews wait to be pushed (the Sync section's "pending"). */
export const countUnpushed = async (db: AppDb, sync: SyncDb): Promise<number> =>
  (await unpushed(db, sync)).count();

/**
 * Records reviews as on the server: pushed in batch `seq` by this device (`pushed` true, which
 * uses up the number) or arrived from the server. Both are then never pushed again.
 */
export async function markOnServer(
  sync: SyncDb,
  logs: readonly ReviewLog[],
  pushedSeq?: number,
): Promise<void> {
  await sync.transaction('rw', sync.kv, sync.seen, async () => {
    const progress = await loadProgress(sync);
    const newest = logs.reduce((m, l) => Math.max(m, l.review), -Infinity);
    const pushedThrough =
      pushedSeq === undefined ? progress.pushedThrough : Math.max(progress.pushedThrough, newest);
    await sync.seen.bulkPut(logs.map((l) => ({ id: l.id, review: l.review })));
    if (Number.isFinite(pushedThrough))
      await sync.seen
        .where('review')
        .below(pushedThrough - PUSH_MARGIN_MS)
        .delete();
    await saveProgress(sync, {
      ...progress,
      pushedThrough,
      nextSeq: pushedSeq === undefined ? progress.nextSeq : Math.max(progress.nextSeq, pushedSeq + 1),
    });
  });
}

/**
 * A push that found nothing left to send at `startedAt`: every review made before then is on the
 * server (one written at that very moment is still looked at, being within the margin).
 */
export async function markAllPushed(sync: SyncDb, startedAt: number): Promise<void> {
  await sync.transaction('rw', sync.kv, sync.seen, async () => {
    const progress = await loadProgress(sync);
    const pushedThrough = Math.max(progress.pushedThrough, startedAt);
    await sync.seen
      .where('review')
      .below(pushedThrough - PUSH_MARGIN_MS)
      .delete();
    await saveProgress(sync, { ...progress, pushedThrough });
  });
}
