import { describe, expect, it, vi } from 'vitest';
import { Rating } from '../domain/scheduling/types';
import { defaultSettings, type Settings } from '../domain/settings/settings';
import type * as Queues from '../storage/queues';
import { countMoreReviews, REVIEW_PAGE } from '../storage/queues';
import type * as ReviewWrites from '../storage/reviewWrites';
import { recordReview } from '../storage/reviewWrites';
import { dueReviewCards } from '../storage/testing';
import { pendingReviewKeys } from '../storage/journalKeys';
import { preloadWrites } from '../storage/lazyWrites';
import { useReviewSession } from './reviewSession';
import { ReviewSession } from './session';
import { plainHost, type ViewHost } from './sessionState';

vi.mock('../storage/queues', async (importOriginal) => {
  const queues = await importOriginal<typeof Queues>();
  return { ...queues, countMoreReviews: vi.fn(queues.countMoreReviews) };
});
vi.mock('../storage/reviewWrites', async (importOriginal) => {
  const reviews = await importOriginal<typeof ReviewWrites>();
  return { ...reviews, recordReview: vi.fn(reviews.recordReview) };
});

/** Holds the next review write back until `release` (then lets it fail, if told to). */
async function holdNextWrite() {
  let release: (fail?: Error) => void = () => {};
  const gate = new Promise<Error | undefined>((resolve) => (release = resolve));
  const real = await vi.importActual<typeof ReviewWrites>('../storage/reviewWrites');
  vi.mocked(recordReview).mockImplementationOnce(async (...args) => {
    const fail = await gate;
    if (fail) throw fail;
    return real.recordReview(...args);
  });
  return release;
}

const now = new Date(2026, 3, 20, 10).getTime();
const settings: Settings = {
  ...defaultSettings,
  fuzz: false,
  roles: {
    rag: {
      enabled: true,
      newPerDay: 0,
      maxReviewsPerDay: 100,
      desiredRetention: null,
      interviewDate: null,
      catchUp: null,
    },
  },
};

const seeded = (dueCount: number) => dueReviewCards(dueCount, now);

/** Starts a session of three due cards and rates the first while its write is held back. */
async function rateWhileWriteHeld() {
  const db = await seeded(3);
  await useReviewSession.getState().start(db, settings, { kind: 'daily' }, now);
  const first = useReviewSession.getState().current!.card.id;
  await useReviewSession.getState().reveal(settings, now);
  const release = await holdNextWrite();
  const rated = useReviewSession.getState().rate(db, settings, Rating.Good, now + 5000);
  await vi.waitFor(() => expect(useReviewSession.getState().current?.card.id).not.toBe(first));
  return { db, first, release, rated };
}

describe('review session', () => {
  it('loads reviews a page at a time and keeps going past the first page until all are done', async () => {
    const total = REVIEW_PAGE + 7;
    const db = await seeded(total);
    const session = useReviewSession.getState();
    await session.start(db, settings, { kind: 'daily' }, now);
    expect(useReviewSession.getState().counts).toEqual({ new: 0, learning: 0, review: total });
    expect(useReviewSession.getState().queue.main).toHaveLength(REVIEW_PAGE);

    const seen = new Set<string>();
    for (let i = 0; i < total; i++) {
      const current = useReviewSession.getState().current;
      expect(current).not.toBeNull();
      seen.add(current!.card.id);
      await useReviewSession.getState().reveal(settings, now + i * 1000);
      expect(await useReviewSession.getState().rate(db, settings, Rating.Good, now + i * 1000 + 500)).toBe(
        true,
      );
      expect(useReviewSession.getState().counts.review).toBe(total - i - 1);
    }
    expect(seen.size).toBe(total);
    expect(useReviewSession.getState().current).toBeNull();
    expect(await db.logs.count()).toBe(total);
  });

  it('shows a card as it is stored now when a session starts again after the deck changed', async () => {
    const db = await seeded(2);
    await useReviewSession.getState().start(db, settings, { kind: 'daily' }, now);
    const first = useReviewSession.getState().current!.card;
    // A re-imported deck rewrote the card's text.
    await db.cards.put({ ...first, question: { en: 'Q, reworded', zh: '问，改写' } });
    await useReviewSession.getState().start(db, settings, { kind: 'daily' }, now);
    expect(useReviewSession.getState().current?.card.question.en).toBe('Q, reworded');
  });

  it('shows the first card before counting the due reviews, then shows the exact count', async () => {
    const total = REVIEW_PAGE + 7;
    const db = await seeded(total);
    // Holds the count back, as a slow walk over thousands of due entries would.
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const real = await vi.importActual<typeof Queues>('../storage/queues');
    vi.mocked(countMoreReviews).mockImplementationOnce(async (...args) => {
      await gate;
      return real.countMoreReviews(...args);
    });
    const started = useReviewSession.getState().start(db, settings, { kind: 'daily' }, now);
    await vi.waitFor(() => expect(useReviewSession.getState().current).not.toBeNull());
    expect(useReviewSession.getState().counts.review).toBeLessThan(total);
    release();
    await started;
    expect(useReviewSession.getState().counts).toEqual({ new: 0, learning: 0, review: total });
  });

  it('shows the next card while the rating is still being written, then stores it', async () => {
    const { db, first, release, rated } = await rateWhileWriteHeld();
    expect(await db.logs.count()).toBe(0);
    expect(useReviewSession.getState().saving).toBe(true);
    release();
    expect(await rated).toBe(true);
    expect(useReviewSession.getState().saving).toBe(false);
    expect(await db.logs.where('cardId').equals(first).count()).toBe(1);
    expect(useReviewSession.getState().error).toBeNull();
  });

  it('brings the rated card back, revealed, with the error, when the write fails', async () => {
    const { db, first, release, rated } = await rateWhileWriteHeld();
    release(new Error('QuotaExceededError'));
    expect(await rated).toBe(false);
    const after = useReviewSession.getState();
    expect(after.current?.card.id).toBe(first);
    expect(after.revealed).toBe(true);
    expect(after.counts.review).toBe(3);
    expect(after.undoStack).toEqual([]);
    expect(after.error).toBe('QuotaExceededError');
    expect(await db.logs.count()).toBe(0);
  });

  it('applies a rating of the next card pressed while the last one is still being written', async () => {
    const { db, first, release, rated: one } = await rateWhileWriteHeld();
    const second = useReviewSession.getState().current!.card.id;
    await useReviewSession.getState().reveal(settings, now + 6000);
    const two = useReviewSession.getState().rate(db, settings, Rating.Hard, now + 7000);
    release();
    expect([await one, await two]).toEqual([true, true]);
    expect(await db.logs.where('cardId').anyOf(first, second).count()).toBe(2);
    expect(useReviewSession.getState().counts.review).toBe(1);
  });

  it('undoing two ratings brings both cards back, and the session does not end before each is rated again', async () => {
    const db = await seeded(3);
    const session = () => useReviewSession.getState();
    await session().start(db, settings, { kind: 'daily' }, now);
    const rateShown = async (at: number) => {
      const id = session().current!.card.id;
      await session().reveal(settings, at);
      expect(await session().rate(db, settings, Rating.Good, at + 500)).toBe(true);
      return id;
    };
    const first = await rateShown(now);
    await rateShown(now + 1000);
    expect(await session().undo(db, now + 2000)).toBe(true);
    expect(await session().undo(db, now + 3000)).toBe(true);
    expect(session().current?.card.id).toBe(first);
    expect(session().counts).toEqual({ new: 0, learning: 0, review: 3 });
    const seen = [];
    for (let i = 0; i < 3; i++) seen.push(await rateShown(now + 4000 + i * 1000));
    expect(new Set(seen).size).toBe(3);
    expect(session().current).toBeNull();
    expect(await db.logs.count()).toBe(3);
  });

  it("shows the next card in the key's task, the rating already noted, and writes it after", async () => {
    const db = await seeded(3);
    await preloadWrites();
    const host = plainHost();
    const shown: { written: number; noted: number }[] = [];
    const watched: ViewHost = {
      get: host.get,
      set: (patch) => {
        if (patch.current)
          shown.push({
            written: vi.mocked(recordReview).mock.calls.length,
            noted: pendingReviewKeys().length,
          });
        host.set(patch);
      },
    };
    const session = new ReviewSession(watched);
    await session.start(db, settings, { kind: 'daily' }, now);
    const first = host.get().current!.card.id;
    await session.reveal(now + 1000);
    vi.mocked(recordReview).mockClear();
    shown.length = 0;
    expect(await session.rate(Rating.Good, now + 2000)).toBe(true);
    // The next card was put on screen before the transaction began, with the rating in the journal.
    expect(shown[0]).toEqual({ written: 0, noted: 1 });
    expect(host.get().current?.card.id).not.toBe(first);
    expect(recordReview).toHaveBeenCalledTimes(1);
    expect(pendingReviewKeys()).toEqual([]);
    expect(await db.logs.where('cardId').equals(first).count()).toBe(1);
  });

  it('runs without the store: started once, it rates and undoes with only the rating and the time', async () => {
    const db = await seeded(2);
    const host = plainHost();
    const session = new ReviewSession(host);
    await session.start(db, settings, { kind: 'daily' }, now);
    const first = host.get().current!.card.id;
    await session.reveal(now + 1000);
    expect(host.get().intervals).not.toBeNull();
    expect(await session.rate(Rating.Good, now + 2000)).toBe(true);
    expect(host.get().current?.card.id).not.toBe(first);
    expect(host.get().counts.review).toBe(1);
    expect(await db.logs.where('cardId').equals(first).count()).toBe(1);
    expect(await session.undo(now + 3000)).toBe(true);
    expect(host.get().current?.card.id).toBe(first);
    expect(await db.logs.count()).toBe(0);
  });
});
