import { afterEach, describe, expect, it } from 'vitest';
import { Scheduler, newState } from '../domain/scheduling/scheduler';
import { Rating } from '../domain/scheduling/types';
import { fromRow, toRow } from './db';
import { CardChangedError } from './reviews';
import { STALE_MS, journaledReview } from './reviewJournal';
import { replayJournal } from './reviewReplay';
import { failWrites, freshDb } from './testing';

const scheduler = new Scheduler({
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  fuzz: true,
  maximumInterval: 36500,
});
const now = new Date(2026, 4, 2, 9).getTime();
const notes = () => Object.keys(localStorage).filter((k) => k.startsWith('interview-recall:pending-review:'));

async function seeded() {
  const db = freshDb();
  const initial = newState('rag.a', 'rag', 0);
  await db.states.put(toRow(initial));
  const answered = scheduler.answer(initial, Rating.Good, now, 3000, 'l1');
  return { db, initial, ...answered };
}

/** The page went away before the review committed: the note is there, the database unchanged. */
function noteLeftBehind(entry: object, tab?: string) {
  localStorage.setItem(
    'interview-recall:pending-review:l1',
    JSON.stringify({
      tab: tab ?? sessionStorage.getItem('interview-recall:tab') ?? 'this',
      at: now,
      ...entry,
    }),
  );
}

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('journaledReview', () => {
  it('notes the rating before the write starts and forgets it once committed', async () => {
    const { db, initial, next, log } = await seeded();
    const writing = journaledReview(db, next, log, initial, now);
    expect(notes()).toEqual(['interview-recall:pending-review:l1']);
    await writing;
    expect(notes()).toEqual([]);
    expect(await db.logs.get('l1')).toEqual(log);
  });

  it('forgets a rating refused because the card changed, and one that failed while the page stays', async () => {
    const { db, initial, next, log } = await seeded();
    await db.states.update('rag.a', { reps: 5 });
    await expect(journaledReview(db, next, log, initial, now)).rejects.toBeInstanceOf(CardChangedError);
    expect(notes()).toEqual([]);

    const other = await seeded();
    await failWrites(other.db, 'logs');
    await expect(journaledReview(other.db, other.next, other.log, other.initial, now)).rejects.toThrow();
    expect(notes()).toEqual([]);
  });
});

describe('replayJournal', () => {
  it('writes a rating the page did not commit before it went away, once', async () => {
    const { db, initial, next, log } = await seeded();
    sessionStorage.setItem('interview-recall:tab', 'this');
    noteLeftBehind({ next, log, previous: initial });
    expect(await replayJournal(db, now + 50)).toEqual({ written: ['rag.a'], dropped: 0, kept: 0 });
    expect(fromRow((await db.states.get('rag.a'))!)).toEqual(next);
    expect(await db.logs.toArray()).toEqual([log]);
    expect(await db.days.count()).toBe(1);
    expect(notes()).toEqual([]);
    expect(await replayJournal(db, now + 100)).toEqual({ written: [], dropped: 0, kept: 0 });
  });

  it('drops a note whose review is already stored, or whose card changed since', async () => {
    const { db, initial, next, log } = await seeded();
    sessionStorage.setItem('interview-recall:tab', 'this');
    await journaledReview(db, next, log, initial, now);
    noteLeftBehind({ next, log, previous: initial });
    expect(await replayJournal(db, now)).toEqual({ written: [], dropped: 1, kept: 0 });
    expect(await db.logs.count()).toBe(1);

    const other = await seeded();
    await other.db.states.update('rag.a', { lapses: 1 });
    noteLeftBehind({ next: other.next, log: other.log, previous: other.initial });
    expect(await replayJournal(other.db, now)).toEqual({ written: [], dropped: 1, kept: 0 });
    expect(await other.db.logs.count()).toBe(0);
    expect(notes()).toEqual([]);
  });

  it("leaves another tab's fresh note alone (it may still be writing it), and writes a stale one", async () => {
    const { db, initial, next, log } = await seeded();
    sessionStorage.setItem('interview-recall:tab', 'this');
    noteLeftBehind({ next, log, previous: initial }, 'other');
    expect(await replayJournal(db, now + 100)).toEqual({ written: [], dropped: 0, kept: 1 });
    expect(await db.logs.count()).toBe(0);
    expect(await replayJournal(db, now + STALE_MS)).toEqual({ written: ['rag.a'], dropped: 0, kept: 0 });
  });

  it('drops a note that is not a valid review, writing nothing', async () => {
    const { db, initial, next, log } = await seeded();
    noteLeftBehind({ next: { ...next, due: Number.MAX_VALUE }, log, previous: initial });
    localStorage.setItem('interview-recall:pending-review:l2', '{not json');
    expect(await replayJournal(db, now)).toEqual({ written: [], dropped: 2, kept: 0 });
    expect(await db.logs.count()).toBe(0);
    expect(notes()).toEqual([]);
  });
});
