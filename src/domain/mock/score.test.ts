import { describe, expect, it } from 'vitest';
import type { MockAnswer, MockInterview } from './mockInterview';
import { answerScore, mockReport, mockTrend } from './score';

const answer = (
  cardId: string,
  ticked: number[],
  total: number,
  over: Partial<MockAnswer> = {},
): MockAnswer => ({
  cardId,
  deckId: cardId.split('.')[0]!,
  topic: 'x',
  ticked,
  total,
  timeMs: 60_000,
  limitMs: 120_000,
  followUp: null,
  logId: null,
  ...over,
});

const mock = (finishedAt: number | null, answers: MockAnswer[]): MockInterview => ({
  id: `m${finishedAt}`,
  startedAt: 0,
  finishedAt,
  seed: 1,
  roles: ['rag', 'agent'],
  questions: [],
  answers,
  countAsReviews: false,
});

describe('mock interview scores', () => {
  it('scores a question as key points said of its total, the follow-up as one more point', () => {
    expect(answerScore(answer('rag.a', [0, 2], 4))).toEqual({ hit: 2, total: 4, ratio: 0.5 });
    expect(answerScore(answer('rag.a', [0, 1, 2], 4, { followUp: 'partly' }))).toEqual({
      hit: 3.5,
      total: 5,
      ratio: 0.7,
    });
  });

  it('reports per role and topic, total time, and the weakest questions to drill', () => {
    const report = mockReport(
      mock(10, [
        answer('rag.a', [0, 1, 2], 3),
        answer('rag.b', [], 3),
        answer('agent.c', [0], 4, { timeMs: 90_000 }),
      ]),
    );
    expect(report.overall).toEqual({ hit: 4, total: 10, ratio: 0.4 });
    expect(report.byRole.get('rag')).toEqual({ hit: 3, total: 6, ratio: 0.5 });
    expect(report.byRole.get('agent')).toEqual({ hit: 1, total: 4, ratio: 0.25 });
    expect(report.timeMs).toBe(210_000);
    expect(report.drill.map((a) => a.cardId)).toEqual(['rag.b', 'agent.c']);
  });

  it('gives a per-role trend of finished interviews, oldest first', () => {
    const mocks = [
      mock(300, [answer('rag.a', [0, 1], 2)]),
      mock(100, [answer('rag.a', [0], 2), answer('agent.c', [], 2)]),
      mock(null, [answer('rag.a', [], 2)]),
      mock(200, [answer('agent.c', [0], 2)]),
    ];
    expect(mockTrend(mocks, 'rag')).toEqual([
      { at: 100, ratio: 0.5 },
      { at: 300, ratio: 1 },
    ]);
    expect(mockTrend(mocks, null).map((p) => p.at)).toEqual([100, 200, 300]);
  });
});
