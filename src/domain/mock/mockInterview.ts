/** How the user graded the interviewer's follow-up: in one step. */
export type FollowUpGrade = 'well' | 'partly' | 'not';

export interface MockAnswer {
  cardId: string;
  deckId: string;
  topic: string;
  /** Key points the user said, by index, of `total`. */
  ticked: number[];
  total: number;
  /** Time spent answering, ms (time on the clock, pauses excluded). */
  timeMs: number;
  limitMs: number;
  followUp: FollowUpGrade | null;
  /** The review log written for it, when mock answers count as reviews. */
  logId: string | null;
}

export interface MockQuestion {
  cardId: string;
  deckId: string;
  topic: string;
  limitMs: number;
}

/** One mock interview as stored: set up, answered one question at a time, finished with a report. */
export interface MockInterview {
  id: string;
  startedAt: number;
  finishedAt: number | null;
  seed: number;
  roles: string[];
  questions: MockQuestion[];
  answers: MockAnswer[];
  countAsReviews: boolean;
}

export const DEFAULT_QUESTIONS = 6;
export const DEFAULT_LIMIT_MS = 2 * 60_000;
export const BEHAVIORAL_LIMIT_MS = 3 * 60_000;
/** The cue that time is nearly up. */
export const WARNING_MS = 30_000;

export const isFinished = (m: MockInterview) => m.finishedAt !== null;
/** The question being asked now: the first one not answered. */
export const currentIndex = (m: MockInterview) => m.answers.length;
