import { describe, expect, it } from 'vitest';
import type { MockInterview } from '../mock/mockInterview';
import { historyJsonHead, historyJsonTail } from './historyJson';

const mock = (id: string, startedAt: number, decks: string[]): MockInterview => ({
  id,
  startedAt,
  finishedAt: startedAt + 60_000,
  seed: 1,
  roles: decks,
  questions: decks.map((d) => ({ cardId: `${d}.q`, deckId: d, topic: 't', limitMs: 120_000 })),
  answers: decks.map((d) => ({
    cardId: `${d}.q`,
    deckId: d,
    topic: 't',
    ticked: [0],
    total: 3,
    timeMs: 50_000,
    limitMs: 120_000,
    followUp: null,
    logId: null,
  })),
  countAsReviews: false,
});

const T = Date.UTC(2026, 5, 1);

describe('history JSON: mock interviews', () => {
  it("lists the mock interviews of the export's role and date range, with that role's answers", () => {
    const head = historyJsonHead({ exportedAt: T, deckId: 'rag', range: { from: T, to: null }, count: 0 });
    const mocks = [
      mock('old', T - 1, ['rag']),
      mock('both', T + 1, ['rag', 'agent']),
      mock('agent', T + 2, ['agent']),
    ];
    const parsed = JSON.parse(head + historyJsonTail(mocks, 'rag', { from: T, to: null }));
    expect(parsed.reviews).toEqual([]);
    expect(parsed.mockInterviews).toHaveLength(1);
    expect(parsed.mockInterviews[0]).toMatchObject({ id: 'both', startedAt: new Date(T + 1).toISOString() });
    expect(parsed.mockInterviews[0].answers.map((a: { deckId: string }) => a.deckId)).toEqual(['rag']);
  });
});
