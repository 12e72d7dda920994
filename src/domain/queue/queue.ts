import { CardState, type SchedState } from '../scheduling/types';

/** Anki's "learn ahead limit": a learning card due this soon is shown rather than making the user wait. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface RoleQueueInput {
  deckId: string;
  /** Every learning / relearning card of the role that is not hidden. */
  learning: SchedState[];
  /** Review-state cards due before the end of today, any order (possibly only the first page). */
  dueReviews: SchedState[];
  /** Due reviews within today's limit that were counted but not loaded (loaded later, on demand). */
  moreReviews?: number;
  /** New cards in deck order; at least as many as the limit allows. */
  newCards: SchedState[];
  newPerDay: number;
  maxReviewsPerDay: number;
  newDoneToday: number;
  reviewsDoneToday: number;
}

export interface Queue {
  /** Cards put back by undo, the earliest answered first: shown before anything else. */
  pinned: SchedState[];
  /** Learning cards due today, earliest first. */
  learning: SchedState[];
  /** Reviews (most overdue first) with new cards spread evenly among them. */
  main: SchedState[];
  /** Reviews due today that are not loaded yet: the queue is reloaded when `main` runs out. */
  pending: number;
}

export interface QueueCounts {
  new: number;
  learning: number;
  review: number;
}

export const emptyQueue: Queue = { pinned: [], learning: [], main: [], pending: 0 };

const byDue = (a: SchedState, b: SchedState) => a.due - b.due || a.cardId.localeCompare(b.cardId);

/** Takes cards round-robin from each role's list, so no role is starved of new cards. */
function roundRobin(lists: SchedState[][]): SchedState[] {
  const out: SchedState[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}

/** Places `inserts` evenly among `base`, starting with a base item when there is one. */
function spread(base: SchedState[], inserts: SchedState[]): SchedState[] {
  if (base.length === 0 || inserts.length === 0) return [...base, ...inserts];
  const out: SchedState[] = [];
  const every = (base.length + inserts.length) / inserts.length;
  let next = every - 1;
  let b = 0;
  let n = 0;
  for (let i = 0; i < base.length + inserts.length; i++) {
    if (n < inserts.length && (i >= next || b >= base.length)) {
      out.push(inserts[n++]!);
      next += every;
    } else out.push(base[b++]!);
  }
  return out;
}

/** Today's queue over the given roles (one role when practising, all enabled ones for the daily review). */
export function buildQueue(roles: RoleQueueInput[], dayEnd: number): Queue {
  const learning = roles
    .flatMap((r) => r.learning)
    .filter((s) => s.hidden === null && s.due < dayEnd)
    .sort(byDue);
  const reviews = roles
    .flatMap((r) => {
      const room = Math.max(0, r.maxReviewsPerDay - r.reviewsDoneToday);
      return r.dueReviews
        .filter((s) => s.hidden === null && s.state === CardState.Review && s.due < dayEnd)
        .sort(byDue)
        .slice(0, room);
    })
    .sort(byDue);
  const fresh = roundRobin(
    roles.map((r) =>
      r.newCards
        .filter((s) => s.hidden === null && s.state === CardState.New)
        .slice(0, Math.max(0, r.newPerDay - r.newDoneToday)),
    ),
  );
  const pending = roles.reduce((n, r) => n + (r.moreReviews ?? 0), 0);
  return { pinned: [], learning, main: spread(reviews, fresh), pending };
}

/** Practice beyond today: the role's review cards that are due soonest. */
export function reviewAheadQueue(upcoming: SchedState[], limit: number): Queue {
  const main = upcoming
    .filter((s) => s.hidden === null && s.state === CardState.Review)
    .sort(byDue)
    .slice(0, limit);
  return { pinned: [], learning: [], main, pending: 0 };
}

/** Chosen cards, due or not, in the order given (hidden ones left out): practising what a mock interview found weak. */
export function chosenCardsQueue(states: SchedState[]): Queue {
  return { pinned: [], learning: [], main: states.filter((s) => s.hidden === null), pending: 0 };
}

export type Next = { card: SchedState } | { card: null; waitUntil: number | null };

export function nextCard(queue: Queue, now: number): Next {
  const firstPinned = queue.pinned[0];
  if (firstPinned) return { card: firstPinned };
  const firstLearning = queue.learning[0];
  if (firstLearning && firstLearning.due <= now) return { card: firstLearning };
  const firstMain = queue.main[0];
  if (firstMain) return { card: firstMain };
  if (firstLearning && firstLearning.due <= now + LEARN_AHEAD_MS) return { card: firstLearning };
  return { card: null, waitUntil: firstLearning?.due ?? null };
}

const without = (list: SchedState[], cardId: string) => list.filter((s) => s.cardId !== cardId);

/** The queue after a card was answered: it leaves, and comes back today if it is (re)learning. */
export function afterAnswer(queue: Queue, next: SchedState, dayEnd: number): Queue {
  const learning = without(queue.learning, next.cardId);
  const relearnToday =
    (next.state === CardState.Learning || next.state === CardState.Relearning) && next.due < dayEnd;
  if (relearnToday) {
    learning.push(next);
    learning.sort(byDue);
  }
  return {
    pinned: without(queue.pinned, next.cardId),
    learning,
    main: without(queue.main, next.cardId),
    pending: queue.pending,
  };
}

/**
 * The queue after undo: the card, in its state before the answer, is shown next. Cards put back by
 * earlier undos stay pinned behind it, so undoing N ratings replays all N in their first order.
 */
export function afterUndo(queue: Queue, previous: SchedState): Queue {
  return {
    pinned: [previous, ...without(queue.pinned, previous.cardId)],
    learning: without(queue.learning, previous.cardId),
    main: without(queue.main, previous.cardId),
    pending: queue.pending,
  };
}

export function queueCounts(queue: Queue): QueueCounts {
  const all = [...queue.pinned, ...queue.main];
  let fresh = 0;
  let review = 0;
  let learning = queue.learning.length;
  for (const s of all) {
    if (s.state === CardState.New) fresh++;
    else if (s.state === CardState.Review) review++;
    else learning++;
  }
  return { new: fresh, learning, review: review + queue.pending };
}

/** The loaded part is used up but more reviews are due: time to reload from storage. */
export const needsRefill = (queue: Queue) => queue.main.length === 0 && queue.pending > 0;
