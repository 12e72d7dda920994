import { describe, expect, it } from 'vitest';
import { newState } from '../scheduling/scheduler';
import { CardState, type SchedState } from '../scheduling/types';
import {
  afterAnswer,
  afterUndo,
  buildQueue,
  needsRefill,
  nextCard,
  queueCounts,
  type RoleQueueInput,
} from './queue';

const at = (d: number, h: number, m = 0) => new Date(2026, 0, d, h, m).getTime();
const now = at(15, 9);
const dayEnd = at(16, 4);

const review = (id: string, due: number, deckId = 'a'): SchedState => ({
  ...newState(id, deckId, 0),
  state: CardState.Review,
  due,
  stability: 5,
  difficulty: 5,
  lastReview: due - 5 * 86_400_000,
  reps: 3,
});
const learning = (id: string, due: number): SchedState => ({ ...review(id, due), state: CardState.Learning });
const fresh = (deckId: string, n: number) =>
  Array.from({ length: n }, (_, i) => newState(`${deckId}.n${i}`, deckId, i));

const role = (over: Partial<RoleQueueInput>): RoleQueueInput => ({
  deckId: 'a',
  learning: [],
  dueReviews: [],
  newCards: [],
  newPerDay: 10,
  maxReviewsPerDay: 100,
  newDoneToday: 0,
  reviewsDoneToday: 0,
  ...over,
});

describe('buildQueue', () => {
  it('keeps reviews due before the rollover (03:59 tomorrow) and leaves later ones out', () => {
    const q = buildQueue(
      [role({ dueReviews: [review('a.1', at(16, 3, 59)), review('a.2', at(16, 4))] })],
      dayEnd,
    );
    expect(q.main.map((s) => s.cardId)).toEqual(['a.1']);
  });

  it('respects the new and review limits, minus what was done today', () => {
    const reviews = [1, 2, 3, 4].map((i) => review(`a.r${i}`, at(14, i)));
    const q = buildQueue(
      [
        role({
          dueReviews: reviews,
          newCards: fresh('a', 5),
          newPerDay: 3,
          newDoneToday: 1,
          maxReviewsPerDay: 3,
          reviewsDoneToday: 1,
        }),
      ],
      dayEnd,
    );
    expect(queueCounts(q)).toEqual({ new: 2, learning: 0, review: 2 });
    expect(q.main.filter((s) => s.state === CardState.Review).map((s) => s.cardId)).toEqual(['a.r1', 'a.r2']);
  });

  it('spreads new cards among reviews and takes new cards from each role in turn', () => {
    const q = buildQueue(
      [
        role({
          deckId: 'a',
          dueReviews: [review('a.r1', at(14, 1)), review('a.r2', at(14, 2))],
          newCards: fresh('a', 1),
        }),
        role({ deckId: 'b', newCards: fresh('b', 1) }),
      ],
      dayEnd,
    );
    expect(q.main.map((s) => s.cardId)).toEqual(['a.r1', 'a.n0', 'a.r2', 'b.n0']);
  });

  it('shows a due learning card first, and waits for one that is not due yet', () => {
    const q = buildQueue(
      [role({ learning: [learning('a.l', now + 60_000)], newCards: fresh('a', 1) })],
      dayEnd,
    );
    expect(nextCard(q, now).card?.cardId).toBe('a.n0');
    expect(nextCard(q, now + 60_000).card?.cardId).toBe('a.l');
    const onlyLater = buildQueue([role({ learning: [learning('a.l', now + 3_600_000)] })], dayEnd);
    expect(nextCard(onlyLater, now)).toEqual({ card: null, waitUntil: now + 3_600_000 });
  });

  it('shows a learning card due within 20 minutes when nothing else is left', () => {
    const q = buildQueue([role({ learning: [learning('a.l', now + 15 * 60_000)] })], dayEnd);
    expect(nextCard(q, now).card?.cardId).toBe('a.l');
  });
});

describe('answering and undo', () => {
  it('brings a card back today when it is learning, and drops it when it graduates', () => {
    const q = buildQueue([role({ newCards: fresh('a', 2) })], dayEnd);
    const again = afterAnswer(q, { ...q.main[0]!, state: CardState.Learning, due: now + 60_000 }, dayEnd);
    expect(queueCounts(again)).toEqual({ new: 1, learning: 1, review: 0 });
    const graduated = afterAnswer(
      again,
      { ...again.learning[0]!, state: CardState.Review, due: dayEnd + 1 },
      dayEnd,
    );
    expect(queueCounts(graduated)).toEqual({ new: 1, learning: 0, review: 0 });
  });

  it('pins the undone card so it is shown next, in its earlier state', () => {
    const q = buildQueue([role({ newCards: fresh('a', 2) })], dayEnd);
    const first = q.main[0]!;
    const answered = afterAnswer(q, { ...first, state: CardState.Learning, due: now + 600_000 }, dayEnd);
    const undone = afterUndo(answered, first);
    expect(nextCard(undone, now).card).toEqual(first);
    expect(queueCounts(undone)).toEqual({ new: 2, learning: 0, review: 0 });
  });

  it('undoing several ratings brings every card back, in the order they were shown, with the counts as they were', () => {
    const q = buildQueue(
      [role({ dueReviews: [review('a.r1', at(14, 1))], newCards: fresh('a', 3) })],
      dayEnd,
    );
    const graduate = (s: SchedState) => ({ ...s, state: CardState.Review, due: dayEnd + 1 });
    const relearn = (s: SchedState) => ({ ...s, state: CardState.Learning, due: now + 60_000 });
    const shown: SchedState[] = [];
    const steps = [q];
    for (const answer of [graduate, relearn, graduate]) {
      const card = nextCard(steps.at(-1)!, now).card!;
      shown.push(card);
      steps.push(afterAnswer(steps.at(-1)!, answer(card), dayEnd));
    }
    let undone = steps.at(-1)!;
    for (const card of [...shown].reverse()) undone = afterUndo(undone, card);
    expect(queueCounts(undone)).toEqual(queueCounts(q));
    const replayed: string[] = [];
    for (const answer of [graduate, relearn, graduate]) {
      const card = nextCard(undone, now).card!;
      replayed.push(card.cardId);
      undone = afterAnswer(undone, answer(card), dayEnd);
    }
    expect(replayed).toEqual(shown.map((s) => s.cardId));
    expect(queueCounts(undone)).toEqual(queueCounts(steps.at(-1)!));
  });
});

describe('paged reviews', () => {
  it('counts reviews that are not loaded yet and asks for a refill when the loaded ones are done', () => {
    const q = buildQueue([role({ dueReviews: [review('a.r1', at(14, 1))], moreReviews: 40 })], dayEnd);
    expect(queueCounts(q)).toEqual({ new: 0, learning: 0, review: 41 });
    expect(needsRefill(q)).toBe(false);
    const done = afterAnswer(q, { ...q.main[0]!, due: dayEnd + 1 }, dayEnd);
    expect(queueCounts(done)).toEqual({ new: 0, learning: 0, review: 40 });
    expect(needsRefill(done)).toBe(true);
  });
});
