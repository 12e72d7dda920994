import { describe, expect, it } from 'vitest';
import { Scheduler } from '../domain/scheduling/scheduler';
import { CardState, type SchedState } from '../domain/scheduling/types';
import { defaultSettings } from '../domain/settings/settings';
import { roleCounts } from '../domain/stats/roleCounts';
import { snapshotInfo, readSnapshot } from './backup/snapshot';
import {
  buryCards,
  flagCards,
  resetCards,
  suspendCards,
  undoCardChange,
  unsuspendCards,
} from './cardActions';
import { fromRow, toRow, type AppDb } from './db';
import { syncDecks } from './deckSync';
import { getNote, saveNote } from './notes';
import { loadRoleQueueInput } from './queues';
import { CardChangedError, recordReview } from './reviews';
import { loadSnapshots, statesOf } from './snapshots/loadSnapshots';
import { countWrites, freshDb, testCard, testDeckFile } from './testing';

const at = (d: number, h: number) => new Date(2026, 5, d, h).getTime();
const today = { start: at(10, 4), end: at(11, 4) };
const settings = { ...defaultSettings, roles: { rag: { ...defaultSettings.roles.rag!, enabled: true } } };

/** rag with three cards: a (due review, 3 lapses), b and c (new). */
async function seeded(): Promise<AppDb> {
  const db = freshDb();
  await syncDecks(db, [
    testDeckFile(
      'rag',
      ['a', 'b', 'c'].map((k) => testCard('rag', k)),
    ),
  ]);
  const a = fromRow((await db.states.get('rag.a'))!);
  const reviewed: SchedState = {
    ...a,
    state: CardState.Review,
    due: at(9, 12),
    stability: 5,
    difficulty: 6,
    reps: 9,
    lapses: 3,
    lastReview: at(4, 12),
  };
  await db.states.put(toRow(reviewed));
  return db;
}

const testScheduler = new Scheduler({
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  fuzz: false,
  maximumInterval: 36_500,
});
const state = async (db: AppDb, id: string) => fromRow((await db.states.get(id))!);
const queueIds = async (db: AppDb, now = today) => {
  const input = await loadRoleQueueInput(db, 'rag', settings, now.start, now.end);
  return [...input.dueReviews, ...input.newCards].map((s) => s.cardId);
};

describe('suspend and unsuspend', () => {
  it('takes cards out of the queues and the counts show them suspended; undo puts them back', async () => {
    const db = await seeded();
    expect(await queueIds(db)).toEqual(['rag.a', 'rag.b', 'rag.c']);
    const change = await suspendCards(db, ['rag.a', 'rag.b']);
    expect(change.after.map((s) => s.hidden)).toEqual(['suspended', 'suspended']);
    expect(await queueIds(db)).toEqual(['rag.c']);
    const counts = roleCounts(statesOf((await loadSnapshots(db, ['rag'])).values()), today.end);
    expect(counts).toMatchObject({ total: 3, suspended: 2, new: 1, review: 0 });
    await undoCardChange(db, change);
    expect(await queueIds(db)).toEqual(['rag.a', 'rag.b', 'rag.c']);
  });

  it('unsuspends only suspended cards, and writes nothing when nothing changes', async () => {
    const db = await seeded();
    await suspendCards(db, ['rag.a']);
    const change = await unsuspendCards(db, ['rag.a', 'rag.b']);
    expect(change.before.map((s) => s.cardId)).toEqual(['rag.a']);
    expect((await state(db, 'rag.a')).hidden).toBeNull();
    const writes = await countWrites(db);
    expect((await unsuspendCards(db, ['rag.a'])).after).toEqual([]);
    expect(writes.count).toBe(0);
  });

  it('refuses an undo once the card changed since, writing nothing', async () => {
    const db = await seeded();
    const change = await suspendCards(db, ['rag.a', 'rag.b']);
    await flagCards(db, ['rag.b'], 2);
    await expect(undoCardChange(db, change)).rejects.toBeInstanceOf(CardChangedError);
    expect((await state(db, 'rag.a')).hidden).toBe('suspended');
  });
});

describe('bury', () => {
  it('hides a card for the rest of the review day; the next day it is back in the queue', async () => {
    const db = await seeded();
    await buryCards(db, ['rag.b'], at(10, 15), 4);
    expect(await state(db, 'rag.b')).toMatchObject({ hidden: 'buried', buriedUntil: today.end });
    expect(await queueIds(db)).toEqual(['rag.a', 'rag.c']);
    const tomorrow = { start: today.end, end: at(12, 4) };
    expect(await queueIds(db, tomorrow)).toEqual(['rag.a', 'rag.b', 'rag.c']);
    expect(await state(db, 'rag.b')).not.toHaveProperty('buriedUntil');
    expect((await state(db, 'rag.b')).hidden).toBeNull();
  });

  it('leaves a suspended card as it is', async () => {
    const db = await seeded();
    await suspendCards(db, ['rag.b']);
    expect((await buryCards(db, ['rag.b'], at(10, 15), 4)).after).toEqual([]);
  });
});

describe('flags', () => {
  it('sets, changes and clears a flag; the snapshot carries it', async () => {
    const db = await seeded();
    await flagCards(db, ['rag.a', 'rag.c'], 1);
    await flagCards(db, ['rag.c'], 7);
    expect((await state(db, 'rag.a')).flag).toBe(1);
    expect((await state(db, 'rag.c')).flag).toBe(7);
    const entries = (await loadSnapshots(db, ['rag'])).get('rag')!;
    expect(entries.find((e) => e.state.cardId === 'rag.c')!.state.flag).toBe(7);
    await flagCards(db, ['rag.a'], 0);
    expect(await state(db, 'rag.a')).not.toHaveProperty('flag');
  });
});

describe('reset progress', () => {
  it('makes a studied card new at its deck position, keeps its flag, and keeps a snapshot first', async () => {
    const db = await seeded();
    await flagCards(db, ['rag.a'], 3);
    await db.states.update('rag.a', { leech: true });
    const before = await state(db, 'rag.a');
    const change = await resetCards(db, ['rag.a'], at(10, 15));
    expect(await state(db, 'rag.a')).toEqual({
      ...before,
      state: CardState.New,
      due: 0,
      stability: 0,
      difficulty: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      lastReview: null,
      leech: undefined,
      resetAt: at(10, 15),
    });
    expect((await snapshotInfo(db))?.reason).toBe('reset');
    const snap = await readSnapshot(db);
    expect(snap!.data.states.find((s) => s.cardId === 'rag.a')).toEqual(before);
    await undoCardChange(db, change);
    expect(await state(db, 'rag.a')).toEqual(before);
  });
});

describe('the time of a reset', () => {
  it('is after every review of the role here, one made with the clock ahead included', async () => {
    const db = await seeded();
    const previous = await state(db, 'rag.b');
    const { next, log } = testScheduler.answer(previous, 3, at(20, 9), 3000, 'ahead');
    await recordReview(db, next, log, previous);
    await resetCards(db, ['rag.a', 'rag.b'], at(10, 15));
    expect((await state(db, 'rag.a')).resetAt).toBe(at(20, 9));
    expect((await state(db, 'rag.b')).resetAt).toBe(at(20, 9));
  });
});

describe('notes', () => {
  it('are kept when the deck changes, and their undo puts back the text before', async () => {
    const db = await seeded();
    const first = await saveNote(db, 'rag.a', 'rag', 'At **Acme** I built this.', at(10, 15));
    expect(first.before).toBeUndefined();
    const second = await saveNote(db, 'rag.a', 'rag', 'Rewritten', at(10, 16));
    const cards = [testCard('rag', 'a'), testCard('rag', 'b')].map((c) => ({ ...c, topic: 'u' }));
    await syncDecks(db, [testDeckFile('rag', cards, 'h2')]);
    expect((await getNote(db, 'rag.a'))?.text).toBe('Rewritten');
    await undoCardChange(db, { kind: 'note', ...second });
    expect((await getNote(db, 'rag.a'))?.text).toBe('At **Acme** I built this.');
  });

  it('refuses a note over the length limit and writes nothing', async () => {
    const db = await seeded();
    const writes = await countWrites(db);
    await expect(saveNote(db, 'rag.a', 'rag', 'x'.repeat(20_001), 1)).rejects.toThrow(/20001 characters/);
    expect(writes.count).toBe(0);
  });
});

describe('deck sync', () => {
  it('keeps suspension, burial, flags and leech marks when a deck changes', async () => {
    const db = await seeded();
    await suspendCards(db, ['rag.a']);
    await flagCards(db, ['rag.a', 'rag.b'], 4);
    await buryCards(db, ['rag.c'], at(10, 15), 4);
    await db.states.update('rag.a', { leech: true });
    const before = await db.states.toArray();
    const cards = ['c', 'b', 'a'].map((k) => ({
      ...testCard('rag', k),
      question: { en: `new ${k}`, zh: '新' },
    }));
    await syncDecks(db, [testDeckFile('rag', cards, 'h2')]);
    const after = await db.states.toArray();
    const keep = (rows: typeof before) =>
      rows.map(({ cardId, hidden, flag, leech, buriedUntil }) => ({
        cardId,
        hidden,
        flag,
        leech,
        buriedUntil,
      }));
    expect(keep(after)).toEqual(keep(before));
  });
});
