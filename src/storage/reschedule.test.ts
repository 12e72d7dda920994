import { describe, expect, it } from 'vitest';
import { syntheticHistory } from '../domain/optimizer/synthetic';
import type { SchedulerOptions } from '../domain/scheduling/scheduler';
import { CardState } from '../domain/scheduling/types';
import { readSnapshot, snapshotInfo } from './backup/snapshot';
import { fromRow, toRow, type AppDb } from './db';
import { syncDecks } from './deckSync';
import { rescheduleCards } from './reschedule';
import { rollBack } from './backup/restore';
import { failWrites, freshDb, testCard, testDeckFile } from './testing';

const FITTED = [
  0.1, 0.5, 1.8, 6.0, 7.4, 0.6, 2.4, 0.05, 1.2, 0.15, 1.1, 1.6, 0.08, 0.4, 1.8, 0.3, 2.2, 0.5, 0.15, 0.1,
  0.35,
];
const options: SchedulerOptions = {
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  fuzz: true,
  maximumInterval: 36_500,
  w: FITTED,
};
const now = Date.UTC(2025, 4, 1);

/** Two roles with 30 cards each, studied for four months with FSRS's default parameters. */
async function seeded(): Promise<AppDb> {
  const db = freshDb();
  const keys = Array.from({ length: 30 }, (_, i) => `c${i}`);
  await syncDecks(db, [
    testDeckFile(
      'rag',
      keys.map((k) => testCard('rag', k)),
      'h',
    ),
    testDeckFile(
      'agent',
      keys.map((k) => testCard('agent', k)),
      'h',
    ),
  ]);
  for (const [deckId, seed] of [
    ['rag', 1],
    ['agent', 2],
  ] as const) {
    const { states, logs } = syntheticHistory({
      seed,
      cards: 30,
      days: 120,
      truth: FITTED,
      start: Date.UTC(2025, 0, 1),
      deckId,
    });
    await db.states.bulkPut(states.map(toRow));
    await db.logs.bulkAdd(logs);
  }
  return db;
}

const statesOf = async (db: AppDb, deckId: string) =>
  (await db.states.where('deckId').equals(deckId).sortBy('cardId')).map(fromRow);

describe('rescheduling cards with new parameters', () => {
  it('moves one role’s studied cards, keeps a snapshot of that role first, and leaves the others alone', async () => {
    const db = await seeded();
    const [ragBefore, agentBefore] = [await statesOf(db, 'rag'), await statesOf(db, 'agent')];
    const summary = await rescheduleCards(db, { rag: options }, now);
    const studied = ragBefore.filter((s) => s.state !== CardState.New).length;
    expect(summary.rescheduled + summary.kept).toBe(studied);
    expect(summary.rescheduled).toBeGreaterThan(studied / 2);
    const ragAfter = await statesOf(db, 'rag');
    expect(ragAfter.filter((s, i) => s.stability !== ragBefore[i]!.stability)).toHaveLength(
      summary.rescheduled,
    );
    expect(ragAfter.filter((s, i) => s.due !== ragBefore[i]!.due).length).toBeGreaterThan(studied / 2);
    expect(await statesOf(db, 'agent')).toEqual(agentBefore);

    expect(await snapshotInfo(db)).toMatchObject({
      reason: 'reschedule',
      scope: { kind: 'deck', deckId: 'rag' },
    });
    expect((await readSnapshot(db))!.data.states.sort((a, b) => a.cardId.localeCompare(b.cardId))).toEqual(
      ragBefore,
    );
    // The snapshot rolls it back.
    await rollBack(db, now + 1000);
    expect(await statesOf(db, 'rag')).toEqual(ragBefore);
  });

  it('reschedules every role given, with a snapshot of everything', async () => {
    const db = await seeded();
    const summary = await rescheduleCards(db, { rag: options, agent: options }, now);
    expect(summary.rescheduled).toBeGreaterThan(30);
    expect(await snapshotInfo(db)).toMatchObject({ reason: 'reschedule', scope: { kind: 'all' } });
  });

  it('writes nothing, not even the snapshot, when a write fails', async () => {
    const db = await seeded();
    const before = await statesOf(db, 'rag');
    await failWrites(db, 'states');
    await expect(rescheduleCards(db, { rag: options }, now)).rejects.toThrow('QuotaExceededError');
    expect(await statesOf(db, 'rag')).toEqual(before);
    expect(await snapshotInfo(db)).toBeNull();
  });
});
