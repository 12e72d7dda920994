import { FSRSAlgorithm, generatorParameters, Rating } from 'ts-fsrs';
import type { SchedState } from '../scheduling/types';
import { DAY_MS } from '../time/reviewDay';
import { daysLeft, interviewMoment } from '../time/calendarDate';
import { DEFAULT_DECAY, inRole, isStudied, recallAfter } from './recall';

export interface ProjectionInput {
  interviewDate: string;
  now: number;
  rolloverHour: number;
  desiredRetention: number;
  newPerDay: number;
  newDoneToday: number;
}

export interface Projection {
  daysLeft: number;
  /** Mean recall at the interview if the user stops reviewing now. */
  ifStopNow: number;
  /** Mean recall at the interview if every due card is reviewed on time (and recalled), new cards at today's limit. */
  ifKeepGoing: number;
  newRemaining: number;
  /** New cards a day needed to have seen every card before the interview. */
  newPerDayNeeded: number;
  /** The new-card limit the projection assumed (a catch-up plan's, while it lasts). */
  newPerDay: number;
  limitEnough: boolean;
}

const MAX_STEPS = 60;

interface Memory {
  stability: number;
  difficulty: number;
  last: number;
  due: number;
}

/** Follows one card through on-time Good reviews until the interview; returns its recall then. */
function simulate(f: FSRSAlgorithm, memory: Memory, until: number): number {
  let { stability, difficulty, last, due } = memory;
  for (let i = 0; i < MAX_STEPS && due < until; i++) {
    const next = f.next_state({ stability, difficulty }, (due - last) / DAY_MS, Rating.Good);
    stability = next.stability;
    difficulty = next.difficulty;
    last = due;
    due = last + f.next_interval(stability, 0) * DAY_MS;
  }
  return f.forgetting_curve((until - last) / DAY_MS, stability);
}

/** A new card first seen at `seenAt` and answered Good, then reviewed on time. */
function simulateNew(f: FSRSAlgorithm, seenAt: number, until: number): number {
  const { stability, difficulty } = f.next_state(null, 0, Rating.Good);
  const due = seenAt + f.next_interval(stability, 0) * DAY_MS;
  return simulate(f, { stability, difficulty, last: seenAt, due }, until);
}

export function projectReadiness(states: readonly SchedState[], input: ProjectionInput): Projection | null {
  const role = states.filter(inRole);
  const studied = role.filter(isStudied).map((s) => ({
    stability: s.stability,
    difficulty: s.difficulty,
    lastReview: s.lastReview!,
    due: s.due,
  }));
  return projectCards(role.length, studied, input);
}

/** A studied card of the role, as the projection follows it. */
export interface StudiedCard {
  stability: number;
  difficulty: number;
  lastReview: number;
  due: number;
}

/** The projection for a role of `cards` cards (retired ones left out), of which `studied` were studied. */
export function projectCards(
  cards: number,
  studied: readonly StudiedCard[],
  input: ProjectionInput,
): Projection | null {
  const left = daysLeft(input.interviewDate, input.now, input.rolloverHour);
  const until = interviewMoment(input.interviewDate);
  if (left === null || until === null || left < 0) return null;
  const f = new FSRSAlgorithm(
    generatorParameters({ request_retention: input.desiredRetention, enable_fuzz: false }),
  );
  const fresh = cards - studied.length;
  let stop = 0;
  let keep = 0;
  for (const s of studied) {
    const ifStopped = recallAfter(s.stability, until - s.lastReview, DEFAULT_DECAY);
    stop += ifStopped;
    const { stability, difficulty, lastReview: last } = s;
    const memory = { stability, difficulty, last, due: Math.max(s.due, last) };
    keep += s.due >= until ? ifStopped : simulate(f, memory, until);
  }
  // New cards at the daily limit, today's remainder first, one review day apart.
  let introduced = 0;
  for (let day = 0; day < left && introduced < fresh; day++) {
    const room = Math.min(
      fresh - introduced,
      day === 0 ? Math.max(0, input.newPerDay - input.newDoneToday) : input.newPerDay,
    );
    if (room > 0) keep += room * simulateNew(f, input.now + day * DAY_MS, until);
    introduced += room;
  }
  const total = cards || 1;
  const needed = fresh === 0 ? 0 : left === 0 ? fresh : Math.ceil(fresh / left);
  return {
    daysLeft: left,
    ifStopNow: stop / total,
    ifKeepGoing: keep / total,
    newRemaining: fresh,
    newPerDayNeeded: needed,
    newPerDay: input.newPerDay,
    limitEnough: input.newPerDay >= needed,
  };
}
