import { describe, expect, it } from 'vitest';
import { newState } from '../../domain/scheduling/scheduler';
import type { ReviewLog } from '../../domain/scheduling/types';
import { replayCard } from '../../domain/sync/replay';
import { fromRow } from '../db';
import { syncDecks } from '../deckSync';
import { freshDb, testCard, testDeckFile } from '../testing';
import { FIRST_CHUNK, nextChunk, REPLAY_AIM_MS, REPLAY_CHUNK, settlePulled } from './settlePulled';
import { storePulled } from './storePulled';
import { T0, testScheduler } from './pulledTesting';

const scheduler = testScheduler(true);
const CARDS = 1_200;
const keys = Array.from({ length: CARDS }, (_, i) => `c${String(i).padStart(4, '0')}`);

/** A role of 1,200 cards, each with two pulled reviews waiting for their replay. */
async function pulled() {
  const db = freshDb();
  await syncDecks(db, [
    testDeckFile(
      'rag',
      keys.map((k) => testCard('rag', k)),
    ),
  ]);
  const logs: ReviewLog[] = [];
  for (const [i, k] of keys.entries()) {
    const first = scheduler.answer(newState(`rag.${k}`, 'rag', i), 3, T0 + i, 2000, `${k}-1`);
    logs.push(first.log, scheduler.answer(first.next, 1, T0 + 86_400_000 + i, 2000, `${k}-2`).log);
  }
  await storePulled(db, [{ key: 'reviews:laptop:0000000000', reviews: logs }]);
  return { db, logs };
}

/**
 * The replay of the waiting cards with a clock that moves `msPerCard` for each card replayed (the
 * time a card's history takes to replay); returns the cards of each transaction.
 */
async function replayTimed(msPerCard: number) {
  const { db, logs } = await pulled();
  let now = 0;
  const chunks: number[] = [];
  let before = 0;
  await settlePulled(db, () => ((now += msPerCard), scheduler), {
    onProgress: (done) => {
      if (done > 0) chunks.push(done - before);
      before = done;
    },
    clock: () => now,
  });
  return { db, logs, chunks };
}

describe('the replay after a first pull', () => {
  it('replays fewer cards a transaction when each costs more, so a rating waits behind about REPLAY_AIM_MS', async () => {
    // 3 ms a card: 1,000 cards a transaction took 3 s at the full size.
    const { db, logs, chunks } = await replayTimed(3);
    expect(chunks[0]).toBe(FIRST_CHUNK);
    expect(new Set(chunks.slice(1, -1))).toEqual(new Set([REPLAY_AIM_MS / 3]));
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(CARDS);
    // Every card has the state all its reviews replay to.
    const state = fromRow((await db.states.get('rag.c0777'))!);
    expect(state).toEqual(
      replayCard(
        newState('rag.c0777', 'rag', 777),
        logs.filter((l) => l.cardId === 'rag.c0777'),
        scheduler,
      ),
    );
    expect(state).toMatchObject({ reps: 2 });
  });

  it('replays more a transaction when cards are cheap, doubling up to REPLAY_CHUNK', async () => {
    const { chunks } = await replayTimed(0.01);
    expect(chunks).toEqual([FIRST_CHUNK, 200, 400, CARDS - 700]);
    expect(nextChunk(800, 8)).toBe(REPLAY_CHUNK);
    expect(nextChunk(REPLAY_CHUNK, 0)).toBe(REPLAY_CHUNK);
  });
});
