import type { RoleQueueInput } from '../domain/queue/queue';
import { CardState, type ReviewLog, type SchedState } from '../domain/scheduling/types';
import { newPerDayOn, roleSettings, type Settings } from '../domain/settings/settings';
import { buriedToWake, wakeBuried } from './burial';
import { fromRow, type AppDb, type StateRow } from './db';
import { couldRaise, knownEmpty, queueRange, raiseFloors, readFloors, type FloorRow } from './queueFloors';

/** Due reviews loaded per role at once; the rest are counted and loaded when these are done. */
export const REVIEW_PAGE = 25;

/** Keeps only some cards (practising one topic); the limits then apply after filtering. */
export type CardFilter = (cardId: string) => boolean;

const take = (rows: StateRow[], keep: CardFilter | undefined, limit: number) =>
  (keep ? rows.filter((r) => keep(r.cardId)) : rows).slice(0, limit).map(fromRow);

/** What one role contributes to today's queue, and which of its floors the reads show could rise. */
async function roleQueueInput(
  db: AppDb,
  deckId: string,
  settings: Settings,
  day: { start: number; end: number },
  floors: FloorRow['floors'],
  keep: CardFilter | undefined,
  countDue: boolean,
  todays: readonly ReviewLog[],
): Promise<{ input: RoleQueueInput; raise: number[] }> {
  const role = roleSettings(settings, deckId);
  const newDoneToday = todays.filter((l) => l.state === CardState.New).length;
  const reviewsDoneToday = todays.filter((l) => l.state === CardState.Review).length;
  const newPerDay = newPerDayOn(role, day.start, settings.rolloverHour);
  const newRoom = Math.max(0, newPerDay - newDoneToday);
  const reviewRoom = Math.max(0, role.maxReviewsPerDay - reviewsDoneToday);
  const from = (queue: CardState, below?: number) => queueRange(db, deckId, queue, floors[queue], below);
  // What was read from each queue's floor, to see which floors could rise.
  const seen: { queue: CardState; first: Promise<number | undefined>; upTo: number }[] = [];
  const read = (queue: CardState, below?: number, n = Infinity): Promise<StateRow[]> => {
    if (knownEmpty(floors[queue], below) || n <= 0) return Promise.resolve([]);
    // No limit with a filter: it applies after filtering.
    const rows =
      keep || n === Infinity ? from(queue, below).toArray() : from(queue, below).limit(n).toArray();
    seen.push({ queue, first: rows.then((r) => r[0]?.due), upTo: below ?? Infinity });
    return rows;
  };
  const reviewPage = Math.min(reviewRoom, REVIEW_PAGE);
  const count = !keep && countDue;
  // Uncounted: one past the page says whether more are due.
  const reviewLimit = keep ? reviewRoom : reviewPage + (count ? 0 : 1);
  const [learning, relearning, dueReviews, dueCount, newCards] = await Promise.all([
    read(CardState.Learning),
    read(CardState.Relearning),
    read(CardState.Review, day.end, reviewLimit),
    count && !knownEmpty(floors[CardState.Review], day.end)
      ? from(CardState.Review, day.end).count()
      : Promise.resolve(0),
    read(CardState.New, undefined, newRoom),
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
  const raise: CardState[] = [];
  for (const { queue, first, upTo } of seen)
    if (couldRaise(floors[queue], await first, upTo)) raise.push(queue);
  return { input, raise };
}

/**
 * What each role contributes to today's queue, all read in one transaction (one round of
 * requests instead of a transaction per read, and one consistent view across roles), each queue
 * from its floor. `countDue: false` skips counting the due reviews beyond the first page
 * (counting walks every due entry: the slowest read here); `moreReviews` is then 1 when there are
 * more, and countMoreReviews gives the exact figure.
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
  const [results, waking] = await db.transaction('r', [db.states, db.logs, db.floors], async () => {
    // Today's reviews of every role in one read, beside the floors (not a read per role after them).
    const [floors, wake, todays] = await Promise.all([
      readFloors(db, deckIds),
      buriedToWake(db, deckIds, dayStart),
      db.logs.where('review').aboveOrEqual(dayStart).toArray(),
    ]);
    const inputs = await Promise.all(
      deckIds.map((id) =>
        roleQueueInput(
          db,
          id,
          settings,
          day,
          floors.get(id) ?? {},
          keep,
          countDue,
          todays.filter((l) => l.deckId === id),
        ),
      ),
    );
    return [inputs, wake] as const;
  });
  // Cards buried on an earlier day come back, and the queues are read again with them.
  if (waking.length) {
    await wakeBuried(
      db,
      waking.map((s) => s.cardId),
      dayStart,
    );
    return loadQueueInputs(db, deckIds, settings, dayStart, dayEnd, keep, { countDue });
  }
  // After the read, in its own transaction, off the critical path.
  const raise = new Map(
    deckIds.flatMap((id, k) => (results[k]!.raise.length ? [[id, results[k]!.raise]] : [])),
  );
  void raiseFloors(db, raise).catch(() => undefined);
  return results.map((r) => r.input);
}

/** Due reviews within each role's daily limit beyond those loaded (the exact `moreReviews` sum). */
export async function countMoreReviews(
  db: AppDb,
  inputs: readonly RoleQueueInput[],
  dayEnd: number,
): Promise<number> {
  const counts = await db.transaction('r', db.states, db.floors, async () => {
    const floors = await readFloors(
      db,
      inputs.map((i) => i.deckId),
    );
    return Promise.all(
      inputs.map((i) => {
        const floor = floors.get(i.deckId)?.[CardState.Review];
        return knownEmpty(floor, dayEnd)
          ? Promise.resolve(0)
          : queueRange(db, i.deckId, CardState.Review, floor, dayEnd).count();
      }),
    );
  });
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
  const query = queueRange(db, deckId, CardState.Review, from);
  return take(await (keep ? query : query.limit(limit)).toArray(), keep, limit);
}

/** The ids of a role's cards on one topic. */
export async function loadTopicCardIds(db: AppDb, deckId: string, topic: string): Promise<Set<string>> {
  const cards = await db.cards.where('deckId').equals(deckId).toArray();
  return new Set(cards.filter((c) => c.topic === topic && !c.retired).map((c) => c.id));
}
