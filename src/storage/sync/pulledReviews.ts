import type { ReviewLog } from '../../domain/scheduling/types';
import type { AppDb } from '../db';
import { pulledLog } from './pulledBlock';
import { loadPulled } from './pulledState';

/**
 * The reviews of `cardId` a large pull stored as blocks and that are not yet written into `logs`
 * (expandPulled), less those undone elsewhere; nothing, at once, when no block waits. Inside the
 * caller's transaction (which must include `pulledBlocks` and `meta`), so that rows and blocks
 * are one picture: a review is in exactly one of them. Reads every waiting block (the minutes
 * after a first pull): a card's reviews are spread over all of them.
 */
export async function pulledReviewsOf(db: AppDb, cardId: string): Promise<ReviewLog[]> {
  const { blocks, undone } = await loadPulled(db);
  const keys = Object.keys(blocks);
  if (keys.length === 0) return [];
  const gone = new Set(undone);
  const found: ReviewLog[] = [];
  for (const block of await db.pulledBlocks.bulkGet(keys)) {
    if (!block) continue;
    for (let i = blocks[block.key]!.done; i < block.count; i++)
      if (block.cardIds[i] === cardId && !gone.has(block.ids[i]!)) found.push(pulledLog(block, i));
  }
  return found;
}
