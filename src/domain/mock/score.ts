import type { FollowUpGrade, MockAnswer, MockInterview } from './mockInterview';

export interface Score {
  hit: number;
  total: number;
  /** hit / total, 0–1 (0 when nothing was asked). */
  ratio: number;
}

const FOLLOW_UP_CREDIT: Record<FollowUpGrade, number> = { well: 1, partly: 0.5, not: 0 };

export const scoreOf = (hit: number, total: number): Score => ({
  hit,
  total,
  ratio: total > 0 ? hit / total : 0,
});

/** A question's score: key points said of its total; the follow-up counts as one more point. */
export function answerScore(a: MockAnswer): Score {
  const followUp = a.followUp === null ? 0 : FOLLOW_UP_CREDIT[a.followUp];
  return scoreOf(a.ticked.length + followUp, a.total + (a.followUp === null ? 0 : 1));
}

function sum(answers: readonly MockAnswer[]): Score {
  let hit = 0;
  let total = 0;
  for (const a of answers) {
    const s = answerScore(a);
    hit += s.hit;
    total += s.total;
  }
  return scoreOf(hit, total);
}

function groupBy(answers: readonly MockAnswer[], key: (a: MockAnswer) => string): Map<string, Score> {
  const groups = new Map<string, MockAnswer[]>();
  for (const a of answers) groups.set(key(a), [...(groups.get(key(a)) ?? []), a]);
  return new Map([...groups].map(([k, list]) => [k, sum(list)]));
}

export interface MockReport {
  overall: Score;
  timeMs: number;
  byRole: Map<string, Score>;
  byTopic: Map<string, Score>;
  /** Questions answered below 60 %, weakest first: what to drill. */
  drill: MockAnswer[];
}

export const DRILL_BELOW = 0.6;

export function mockReport(m: MockInterview): MockReport {
  const answers = m.answers;
  return {
    overall: sum(answers),
    timeMs: answers.reduce((t, a) => t + a.timeMs, 0),
    byRole: groupBy(answers, (a) => a.deckId),
    byTopic: groupBy(answers, (a) => `${a.deckId}:${a.topic}`),
    drill: answers
      .filter((a) => answerScore(a).ratio < DRILL_BELOW)
      .sort((a, b) => answerScore(a).ratio - answerScore(b).ratio),
  };
}

export interface TrendPoint {
  at: number;
  ratio: number;
}

/** Each finished interview's score for one role (or overall when `deckId` is null), oldest first. */
export function mockTrend(mocks: readonly MockInterview[], deckId: string | null): TrendPoint[] {
  return mocks
    .filter((m) => m.finishedAt !== null)
    .map((m) => {
      const answers = deckId === null ? m.answers : m.answers.filter((a) => a.deckId === deckId);
      return { at: m.finishedAt!, answers };
    })
    .filter((p) => p.answers.length > 0)
    .sort((a, b) => a.at - b.at)
    .map((p) => ({ at: p.at, ratio: sum(p.answers).ratio }));
}
