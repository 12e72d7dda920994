import { describe, expect, it } from 'vitest';
import { syntheticHistory } from '../domain/optimizer/synthetic';
import { cardHistories } from '../domain/optimizer/trainingItems';
import { default_w as DEFAULT_W } from 'ts-fsrs';
import { readCardHistories } from './optimizerLogs';
import { freshDb } from './testing';

describe('readCardHistories', () => {
  it('reads one role’s or every role’s histories as the domain builds them from the logs', async () => {
    const db = freshDb();
    const start = Date.UTC(2025, 0, 1);
    const rag = syntheticHistory({
      seed: 1,
      cards: 20,
      days: 60,
      truth: DEFAULT_W,
      start,
      deckId: 'rag',
    }).logs;
    const agent = syntheticHistory({
      seed: 2,
      cards: 10,
      days: 60,
      truth: DEFAULT_W,
      start,
      deckId: 'agent',
    }).logs;
    await db.logs.bulkAdd([...rag, ...agent]);
    expect(await readCardHistories(db, 'rag', 4)).toEqual(cardHistories(rag, 4));
    const all = await readCardHistories(db, null, 4);
    expect(all).toHaveLength(30);
    expect(all).toEqual(expect.arrayContaining(cardHistories(agent, 4)));
  });
});
