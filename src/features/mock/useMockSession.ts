import { useCallback, useState } from 'react';
import type { CardRecord } from '../../domain/deck/records';
import {
  BEHAVIORAL_LIMIT_MS,
  currentIndex,
  type FollowUpGrade,
  type MockAnswer,
  type MockInterview,
} from '../../domain/mock/mockInterview';
import { pickQuestions } from '../../domain/mock/pick';
import { markLeech } from '../../domain/cards/leech';
import { suggestRating, tallyOf } from '../../domain/review/keyPoints';
import type { Settings } from '../../domain/settings/settings';
import type { AppDb } from '../../storage/db';
import { getCards } from '../../storage/decks';
import { loadMockCandidates, saveMock, saveMockAnswer } from '../../storage/mocks';
import { storedState } from '../../storage/reviews';
import { schedulerFor } from '../../state/schedulers';
import { elapsed, pauseClock, resumeClock, startClock, type Clock } from './clock';

export type Phase = 'question' | 'grade' | 'followUp' | 'followUpGrade' | 'report';

export interface SetupChoice {
  roles: string[];
  count: number;
  minutes: number;
  seed: number;
  countAsReviews: boolean;
}

export interface MockSession {
  mock: MockInterview;
  cards: Map<string, CardRecord>;
  phase: Phase;
  clock: Clock;
  ticked: number[];
  /** Time the main answer took, kept while it is graded and its follow-up asked. */
  answerMs: number;
  error: string | null;
}

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The running mock interview: what is asked, the clock, the grading; every answer is stored as it is graded. */
export function useMockSession(db: AppDb, settings: Settings) {
  const [session, setSession] = useState<MockSession | null>(null);

  const begin = useCallback(
    async (choice: SetupChoice, now: number): Promise<'started' | 'noCards'> => {
      const { candidates, cards } = await loadMockCandidates(db, choice.roles, now);
      const picked = pickQuestions(candidates, { count: choice.count, seed: choice.seed });
      if (picked.length === 0) return 'noCards';
      const limit = choice.minutes * 60_000;
      const mock: MockInterview = {
        id: crypto.randomUUID(),
        startedAt: now,
        finishedAt: null,
        seed: choice.seed,
        roles: choice.roles,
        questions: picked.map((c) => ({
          cardId: c.cardId,
          deckId: c.deckId,
          topic: c.topic,
          limitMs: c.type === 'behavioral' ? limit + (BEHAVIORAL_LIMIT_MS - 2 * 60_000) : limit,
        })),
        answers: [],
        countAsReviews: choice.countAsReviews,
      };
      await saveMock(db, mock);
      setSession({
        mock,
        cards,
        phase: 'question',
        clock: startClock(now),
        ticked: [],
        answerMs: 0,
        error: null,
      });
      return 'started';
    },
    [db],
  );

  /** Picks up an interview left mid-way: answered questions are kept, the current one starts again. */
  const resume = useCallback(
    async (mock: MockInterview, now: number) => {
      const cards = await getCards(
        db,
        mock.questions.map((q) => q.cardId),
      );
      setSession({
        mock,
        cards,
        phase: 'question',
        clock: startClock(now),
        ticked: [],
        answerMs: 0,
        error: null,
      });
    },
    [db],
  );

  const doneAnswering = useCallback((now: number) => {
    setSession((s) => {
      if (!s || (s.phase !== 'question' && s.phase !== 'followUp')) return s;
      const ms = elapsed(s.clock, now);
      return s.phase === 'question'
        ? { ...s, phase: 'grade', answerMs: ms, ticked: [] }
        : { ...s, phase: 'followUpGrade' };
    });
  }, []);

  const togglePause = useCallback((now: number) => {
    setSession((s) =>
      s
        ? { ...s, clock: s.clock.pausedAt === null ? pauseClock(s.clock, now) : resumeClock(s.clock, now) }
        : s,
    );
  }, []);

  const toggleTick = useCallback((i: number) => {
    setSession((s) => {
      if (!s || s.phase !== 'grade') return s;
      const total = s.cards.get(s.mock.questions[currentIndex(s.mock)]!.cardId)?.keyPoints?.length ?? 0;
      if (i < 0 || i >= total) return s;
      return {
        ...s,
        ticked: s.ticked.includes(i) ? s.ticked.filter((t) => t !== i) : [...s.ticked, i].sort(),
      };
    });
  }, []);

  const askFollowUp = useCallback((now: number) => {
    setSession((s) => (s && s.phase === 'grade' ? { ...s, phase: 'followUp', clock: startClock(now) } : s));
  }, []);

  /** Stores the graded answer (and, if mock answers count as reviews, its review) and moves on. */
  const commit = useCallback(
    async (s: MockSession, followUp: FollowUpGrade | null, now: number) => {
      const question = s.mock.questions[currentIndex(s.mock)]!;
      const card = s.cards.get(question.cardId);
      const total = card?.keyPoints?.length ?? 0;
      const tally = tallyOf(s.ticked, total);
      let review;
      if (s.mock.countAsReviews) {
        const previous = await storedState(db, question.cardId);
        if (previous) {
          const scheduler = schedulerFor(settings, question.deckId);
          const answered = scheduler.answer(
            previous,
            suggestRating(tally),
            now,
            s.answerMs,
            crypto.randomUUID(),
          );
          answered.log.keyPointsHit = tally.hit;
          answered.log.keyPointsTotal = total;
          // The same leech rule as a rating in review: an eighth lapse here marks (and may suspend) it.
          review = { ...answered, next: markLeech(previous, answered.next, settings), previous };
        }
      }
      const answer: MockAnswer = {
        cardId: question.cardId,
        deckId: question.deckId,
        topic: question.topic,
        ticked: s.ticked.filter((i) => i < total),
        total,
        timeMs: s.answerMs,
        limitMs: question.limitMs,
        followUp,
        logId: review?.log.id ?? null,
      };
      const answers = [...s.mock.answers, answer];
      const finished = answers.length >= s.mock.questions.length;
      const mock: MockInterview = { ...s.mock, answers, finishedAt: finished ? now : null };
      try {
        await saveMockAnswer(db, mock, review);
      } catch (error) {
        setSession({ ...s, error: describe(error) });
        return;
      }
      setSession({
        ...s,
        mock,
        phase: finished ? 'report' : 'question',
        clock: startClock(now),
        ticked: [],
        answerMs: 0,
        error: null,
      });
    },
    [db, settings],
  );

  const next = useCallback(
    (now: number) => session?.phase === 'grade' && void commit(session, null, now),
    [commit, session],
  );
  const gradeFollowUp = useCallback(
    (grade: FollowUpGrade, now: number) =>
      session?.phase === 'followUpGrade' && void commit(session, grade, now),
    [commit, session],
  );

  return {
    session,
    begin,
    resume,
    doneAnswering,
    togglePause,
    toggleTick,
    askFollowUp,
    next,
    gradeFollowUp,
    setSession,
  };
}
