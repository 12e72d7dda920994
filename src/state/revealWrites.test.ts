import { afterEach, describe, expect, it, vi } from 'vitest';
import { Rating } from '../domain/scheduling/types';
import { defaultSettings, type Settings } from '../domain/settings/settings';
import { pendingReviewKeys } from '../storage/journalKeys';
import { dueReviewCards } from '../storage/testing';
import { loadSchedulers } from './schedulerLoader';
import { ReviewSession } from './session';
import { plainHost } from './sessionState';

// The review's writes (lazyWrites.ts) download until the test lets them arrive.
let arrive: () => void = () => {};
const downloaded = new Promise<void>((resolve) => (arrive = resolve));
vi.mock('../storage/writes', async (importOriginal) => {
  await downloaded;
  return importOriginal();
});

const now = new Date(2026, 3, 20, 10).getTime();
const settings: Settings = {
  ...defaultSettings,
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

afterEach(() => localStorage.clear());

describe('revealing the answer', () => {
  it("lets a rating pressed the moment the answer shows be noted in its key's task, though the review's writes were still downloading", async () => {
    const db = await dueReviewCards(2, now);
    const host = plainHost();
    let notedByNextTask: Promise<number> | null = null;
    const session = new ReviewSession({
      get: host.get,
      set: (patch) => {
        host.set(patch);
        if (!patch.revealed) return;
        // The user rates as soon as the answer is on screen, and the page may go away in the next task.
        void session.rate(Rating.Good, now + 2000);
        notedByNextTask = new Promise((resolve) => setTimeout(() => resolve(pendingReviewKeys().length), 0));
      },
    });
    await session.start(db, settings, { kind: 'daily' }, now);
    const revealing = session.reveal(now + 1000);
    // The scheduler is in and a task has passed; the writes have not arrived yet.
    await loadSchedulers();
    await new Promise((resolve) => setTimeout(resolve, 0));
    arrive();
    await revealing;
    expect(await notedByNextTask).toBe(1);
    await vi.waitFor(async () => expect(await db.logs.count()).toBe(1));
  });
});
