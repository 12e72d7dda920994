import Dexie from 'dexie';
import type { RoleQueueInput } from '../domain/queue/queue';
import { CardState, type SchedState } from '../domain/scheduling/types';
import { roleSettings, type Settings } from '../domain/settings/settings';
import { fromRow, type AppDb } from './db';

const MIN: unknown = Dexie.minKey;
const MAX: unknown = Dexie.maxKey;

const range = (db: AppDb, deckId: string, queue: number, below: unknown = MAX) =>
  db.states.where('[deckId+queue+due]').between([deckId, queue, MIN], [deckId, queue, below], true, false);

/** What one role contributes to today's queue, read through the compound index only. */
export async function loadRoleQueueInput(
  db: AppDb,
  deckId: string,
  settings: Settings,
  dayStart: number,
  dayEnd: number,
): Promise<RoleQueueInput> {
  const role = roleSettings(settings, deckId);
  const todays = await db.logs.where('[deckId+review]').between([deckId, dayStart], [deckId, MAX]).toArray();
  const newDoneToday = todays.filter((l) => l.state === CardState.New).length;
  const reviewsDoneToday = todays.filter((l) => l.state === CardState.Review).length;
  const newRoom = Math.max(0, role.newPerDay - newDoneToday);
  const reviewRoom = Math.max(0, role.maxReviewsPerDay - reviewsDoneToday);
  const [learning, relearning, dueReviews, newCards] = await Promise.all([
    range(db, deckId, CardState.Learning).toArray(),
    range(db, deckId, CardState.Relearning).toArray(),
    range(db, deckId, CardState.Review, dayEnd).limit(reviewRoom).toArray(),
    range(db, deckId, CardState.New).limit(newRoom).toArray(),
  ]);
  return {
    deckId,
    learning: [...learning, ...relearning].map(fromRow),
    dueReviews: dueReviews.map(fromRow),
    newCards: newCards.map(fromRow),
    newPerDay: role.newPerDay,
    maxReviewsPerDay: role.maxReviewsPerDay,
    newDoneToday,
    reviewsDoneToday,
  };
}

/** Review cards due after today, soonest first: what "review ahead" offers. */
export async function loadUpcomingReviews(
  db: AppDb,
  deckId: string,
  from: number,
  limit: number,
): Promise<SchedState[]> {
  const rows = await db.states
    .where('[deckId+queue+due]')
    .between([deckId, CardState.Review, from], [deckId, CardState.Review, MAX])
    .limit(limit)
    .toArray();
  return rows.map(fromRow);
}

export interface RoleCounts {
  total: number;
  new: number;
  learning: number;
  review: number;
  dueToday: number;
  suspended: number;
  retired: number;
}

export async function loadRoleCounts(db: AppDb, deckId: string, dayEnd: number): Promise<RoleCounts> {
  const [fresh, learning, relearning, review, dueToday, suspended, retired] = await Promise.all([
    range(db, deckId, CardState.New).count(),
    range(db, deckId, CardState.Learning).count(),
    range(db, deckId, CardState.Relearning).count(),
    range(db, deckId, CardState.Review).count(),
    range(db, deckId, CardState.Review, dayEnd).count(),
    range(db, deckId, -1).count(),
    range(db, deckId, -2).count(),
  ]);
  return {
    total: fresh + learning + relearning + review + suspended,
    new: fresh,
    learning: learning + relearning,
    review,
    dueToday,
    suspended,
    retired,
  };
}
