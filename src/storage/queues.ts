import Dexie from 'dexie';
import type { RoleQueueInput } from '../domain/queue/queue';
import { CardState, type SchedState } from '../domain/scheduling/types';
import { newPerDayOn, roleSettings, type Settings } from '../domain/settings/settings';
import { fromRow, type AppDb, type StateRow } from './db';
import { raiseHint, readHints } from './newCardHints';

const MIN: unknown = Dexie.minKey;
const MAX: unknown = Dexie.maxKey;

const range = (db: AppDb, deckId: string, queue: number, below: unknown = MAX) =>
  db.states.where('[deckId+queue+due]').between([deckId, queue, MIN], [deckId, queue, below], true, false);

/** Due reviews loaded per role at once; the rest are counted and loaded when these are done. */
export const REVIEW_PAGE = 25;

/** Keeps only some cards (practising one topic); the limits then apply after filtering. */
export type CardFilter = (cardId: string) => boolean;

const take = (rows: StateRow[], keep: CardFilter | undefined, limit: number) =>
  (keep ? rows.filter((r) => keep(r.cardId)) : rows).slice(0, limit).map(fromRow);

type Hints = Record<string, number>;

/** What one role contributes to today's queue, read through the compound index only. */
async function roleQueueInput(
  db: AppDb,
  deckId: string,
  settings: Settings,
  day: { start: number; end: number },
  hints: Hints,
  keep: CardFilter | undefined,
  countDue: boolean,
): Promise<{ input: RoleQueueInput; raiseHint: boolean }> {
  const role = roleSettings(settings, deckId);
  const todays = await db.logs.where('[deckId+review]').between([deckId, day.start], [deckId, MAX]).toArray();
  const newDoneToday = todays.filter((l) => l.state === CardState.New).length;
  const reviewsDoneToday = todays.filter((l) => l.state === CardState.Review).length;
  const newPerDay = newPerDayOn(role, day.start, settings.rolloverHour);
  const newRoom = Math.max(0, newPerDay - newDoneToday);
  const reviewRoom = Math.max(0, role.maxReviewsPerDay - reviewsDoneToday);
  const limited = (query: ReturnType<typeof range>, n: number) => (keep ? query : query.limit(n)).toArray();
  const newFrom = hints[deckId] ?? MIN;
  const newRange = db.states
    .where('[deckId+queue+due]')
    .between([deckId, CardState.New, newFrom], [deckId, CardState.New, MAX], true, false);
  const reviewPage = Math.min(reviewRoom, REVIEW_PAGE);
  const count = !keep && countDue;
  const [learning, relearning, dueReviews, dueCount, newCards] = await Promise.all([
    range(db, deckId, CardState.Learning).toArray(),
    range(db, deckId, CardState.Relearning).toArray(),
    // Uncounted: one past the page says whether more are due.
    limited(range(db, deckId, CardState.Review, day.end), keep ? reviewRoom : reviewPage + (count ? 0 : 1)),
    count ? range(db, deckId, CardState.Review, day.end).count() : Promise.resolve(0),
    limited(newRange, newRoom),
  ]);
  const loadedReviews = take(dueReviews, keep, keep ? reviewRoom : reviewPage);
  const more = count ? Math.min(dueCount, reviewRoom) - loadedReviews.length : dueReviews.length - reviewPage;
  const input: RoleQueueInput = {
    deckId,
    learning: take([...learning, ...relearning], keep, Infinity),
    dueReviews: loadedReviews,
    moreReviews: keep ? 0 : Math.max(0, more),
    newCards: take(newCards, keep, newRoom),
    newPerDay,
    maxReviewsPerDay: role.maxReviewsPerDay,
    newDoneToday,
    reviewsDoneToday,
  };
  // Studied cards sit before the first new one: the hint can move past them.
  return { input, raiseHint: newCards[0] !== undefined && newCards[0].due !== newFrom };
}

/**
 * What each role contributes to today's queue, all read in one transaction (one round of
 * requests instead of a transaction per read, and one consistent view across roles).
 * `countDue: false` skips counting the due reviews beyond the first page (counting walks every
 * due entry: the slowest read here); `moreReviews` is then 1 when there are more, and
 * countMoreReviews gives the exact figure.
 */
export async function loadQueueInputs(
  db: AppDb,
  deckIds: readonly string[],
  settings: Settings,
  dayStart: number,
  dayEnd: number,
  keep?: CardFilter,
  { countDue = true } = {},
): Promise<RoleQueueInput[]> {
  const day = { start: dayStart, end: dayEnd };
  const results = await db.transaction('r', [db.states, db.logs, db.settings], async () => {
    const hints = await readHints(db);
    return Promise.all(deckIds.map((id) => roleQueueInput(db, id, settings, day, hints, keep, countDue)));
  });
  // After the read, in their own transactions, off the critical path.
  for (const { input, raiseHint: raise } of results)
    if (raise) void raiseHint(db, input.deckId).catch(() => undefined);
  return results.map((r) => r.input);
}

/** Due reviews within each role's daily limit beyond those loaded (the exact `moreReviews` sum). */
export async function countMoreReviews(
  db: AppDb,
  inputs: readonly RoleQueueInput[],
  dayEnd: number,
): Promise<number> {
  const counts = await db.transaction('r', db.states, () =>
    Promise.all(inputs.map((i) => range(db, i.deckId, CardState.Review, dayEnd).count())),
  );
  return inputs.reduce((sum, input, k) => {
    const room = Math.max(0, input.maxReviewsPerDay - input.reviewsDoneToday);
    return sum + Math.max(0, Math.min(counts[k]!, room) - input.dueReviews.length);
  }, 0);
}

/** One role's part of today's queue. */
export async function loadRoleQueueInput(
  db: AppDb,
  deckId: string,
  settings: Settings,
  dayStart: number,
  dayEnd: number,
  keep?: CardFilter,
): Promise<RoleQueueInput> {
  const [input] = await loadQueueInputs(db, [deckId], settings, dayStart, dayEnd, keep);
  return input!;
}

/** Review cards due after today, soonest first: what "review ahead" offers. */
export async function loadUpcomingReviews(
  db: AppDb,
  deckId: string,
  from: number,
  limit: number,
  keep?: CardFilter,
): Promise<SchedState[]> {
  const query = db.states
    .where('[deckId+queue+due]')
    .between([deckId, CardState.Review, from], [deckId, CardState.Review, MAX]);
  return take(await (keep ? query : query.limit(limit)).toArray(), keep, limit);
}

/** The ids of a role's cards on one topic. */
export async function loadTopicCardIds(db: AppDb, deckId: string, topic: string): Promise<Set<string>> {
  const cards = await db.cards.where('deckId').equals(deckId).toArray();
  return new Set(cards.filter((c) => c.topic === topic && !c.retired).map((c) => c.id));
}
