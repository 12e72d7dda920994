import { describe, expect, it } from 'vitest';
import { deck } from '../../../tests/fixtures/data/seed';
import { deckRecord } from '../deck/records';
import { newState } from '../scheduling/newState';
import type { ReviewLog, SchedState } from '../scheduling/types';
import type { BackupData } from './format';
import { planRestore, type CurrentData } from './plan';

const reviewed = (cardId: string, lastReview: number): SchedState => ({
  ...newState(cardId, cardId.split('.')[0]!, 0),
  state: 2,
  due: lastReview + 86_400_000,
  stability: 3,
  difficulty: 5,
  reps: 2,
  lastReview,
});
const log = (id: string, cardId: string): ReviewLog => ({
  id,
  cardId,
  deckId: cardId.split('.')[0]!,
  rating: 3,
  state: 2,
  due: 2,
  stability: 1,
  difficulty: 5,
  elapsedDays: 1,
  lastElapsedDays: 1,
  scheduledDays: 1,
  learningSteps: 0,
  review: 1,
  durationMs: 1,
});
const meta = (id: string, position: number, retired = false) => ({
  id,
  deckId: id.split('.')[0]!,
  position,
  retired,
});

const mine = deck('user-mine', ['one'], 'Mine');
const mineRecord = deckRecord(mine, 'user', 'h');
const backup: BackupData = {
  createdAt: 5,
  settings: { settings: { fuzz: false } },
  decks: [
    {
      deck: mineRecord,
      cards: [{ ...mine.cards[0]!, deckId: 'user-mine', position: 0, hash: 'c', retired: false }],
    },
  ],
  states: [
    reviewed('rag.a', 100),
    reviewed('rag.b', 100),
    reviewed('rag.gone', 50),
    reviewed('user-mine.one', 70),
  ],
  logs: [log('l1', 'rag.a'), log('l2', 'rag.b')],
};
const current: CurrentData = {
  builtinCards: [meta('rag.a', 0), meta('rag.b', 1), meta('rag.c', 2), meta('rag.old', 3, true)],
  userDecks: [{ ...deckRecord(deck('user-other', ['x']), 'user', 'h2') }],
  userCards: [meta('user-other.x', 0)],
  states: [
    reviewed('rag.a', 200),
    reviewed('rag.b', 10),
    newState('rag.c', 'rag', 2),
    reviewed('user-other.x', 5),
  ],
  logIds: new Set(['l1', 'l9']),
};

describe('planRestore', () => {
  it('replace: the file takes the place of everything; known cards it lacks start new', () => {
    const plan = planRestore('replace', backup, current);
    expect(plan.clear).toBe(true);
    expect(plan.settings).toEqual(backup.settings);
    expect(plan.addLogs.map((l) => l.id)).toEqual(['l1', 'l2']);
    const byId = new Map(plan.putStates.map((s) => [s.cardId, s]));
    expect(byId.get('rag.a')!.lastReview).toBe(100);
    expect(byId.get('rag.c')).toMatchObject({ state: 0, due: 2, hidden: null });
    expect(byId.get('rag.old')).toMatchObject({ state: 0, hidden: 'retired' });
    expect(byId.get('rag.gone')).toMatchObject({ lastReview: 50, hidden: 'retired' });
    expect(byId.has('user-other.x')).toBe(false);
    expect(plan.summary).toMatchObject({
      decks: { added: 1, kept: 0, removed: 1 },
      states: { fromBackup: 3, keptCurrent: 0, fresh: 2, unknown: 1 },
      logs: { added: 2, alreadyHere: 0, removed: 2 },
      settings: 'replaced',
    });
  });

  it('merge: logs deduplicated by id, each card keeps its newest state, settings stay', () => {
    const plan = planRestore('merge', backup, current);
    expect(plan.clear).toBe(false);
    expect(plan.settings).toBeNull();
    expect(plan.addLogs.map((l) => l.id)).toEqual(['l2']);
    const byId = new Map(plan.putStates.map((s) => [s.cardId, s]));
    expect(byId.has('rag.a')).toBe(false);
    expect(byId.get('rag.b')!.lastReview).toBe(100);
    expect(byId.get('user-mine.one')!.lastReview).toBe(70);
    expect(plan.putDecks.map((d) => d.id)).toEqual(['user-mine']);
    expect(plan.summary).toMatchObject({
      decks: { added: 1, kept: 0, removed: 0 },
      states: { fromBackup: 2, keptCurrent: 1, unknown: 1 },
      logs: { added: 1, alreadyHere: 1, removed: 0 },
      settings: 'kept',
    });
  });

  it('merge keeps a progress reset made here after the backup, and takes one made after what is here', () => {
    const resetHere = { ...newState('rag.a', 'rag', 0), resetAt: 150 };
    const resetThere = { ...newState('rag.b', 'rag', 1), resetAt: 300 };
    const plan = planRestore(
      'merge',
      { ...backup, states: [reviewed('rag.a', 100), resetThere] },
      { ...current, states: [resetHere, reviewed('rag.b', 200)] },
    );
    const byId = new Map(plan.putStates.map((s) => [s.cardId, s]));
    expect(byId.has('rag.a')).toBe(false);
    expect(byId.get('rag.b')).toEqual(resetThere);
  });

  it('merge keeps a deck the user already has as it is', () => {
    const withMine = { ...current, userDecks: [mineRecord], userCards: [meta('user-mine.one', 0)] };
    const plan = planRestore('merge', backup, withMine);
    expect(plan.putDecks).toEqual([]);
    expect(plan.summary.decks).toEqual({ added: 0, kept: 1, removed: 0 });
  });
});
