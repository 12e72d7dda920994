import { FSRSAlgorithm, generatorParameters } from 'ts-fsrs';
import type { SchedState } from '../scheduling/types';
import { DAY_MS } from '../time/reviewDay';
import { daysLeft, interviewMoment } from '../time/calendarDate';
import { inRole, isStudied } from './recall';
import { followCard, followNewCard, seededRandom, type PathOutcome } from './reviewPaths';

export interface ProjectionInput {
  interviewDate: string;
  now: number;
  rolloverHour: number;
  desiredRetention: number;
  newPerDay: number;
  newDoneToday: number;
  /** The role's FSRS parameters (its optimized ones); the defaults when absent. */
  w?: readonly number[] | null;
}

export interface Projection {
  daysLeft: number;
  /** Mean recall at the interview if the user stops reviewing now. */
  ifStopNow: number;
  /**
   * Mean recall at the interview if every due card is reviewed on its day at the desired retention
   * (each review recalled with the chance FSRS predicts, a forgotten card relearned the same day),
   * new cards at the daily limit.
   */
  ifKeepGoing: number;
  /** Reviews expected until the interview if the user keeps going, and how many of them forgotten. */
  reviewsAhead: number;
  forgottenAhead: number;
  newRemaining: number;
  /** New cards a day needed to have seen every card before the interview. */
  newPerDayNeeded: number;
  /** The new-card limit the projection assumed (a catch-up plan's, while it lasts). */
  newPerDay: number;
  limitEnough: boolean;
}

/** Simulated futures per projection, spread over the cards (at least one each): small roles get many per card. */
const PATHS = 4000;
/** Futures simulated for each day's batch of new cards. */
const NEW_PATHS = 24;

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

const byMemory = (a: StudiedCard, b: StudiedCard) =>
  a.due - b.due || a.lastReview - b.lastReview || a.stability - b.stability || a.difficulty - b.difficulty;

/** The mean of `n` simulated futures: recall at the end, reviews and forgotten reviews. */
function mean(n: number, follow: () => PathOutcome): PathOutcome {
  const sum = { recall: 0, reviews: 0, forgotten: 0 };
  for (let k = 0; k < n; k++) {
    const o = follow();
    sum.recall += o.recall;
    sum.reviews += o.reviews;
    sum.forgotten += o.forgotten;
  }
  return { recall: sum.recall / n, reviews: sum.reviews / n, forgotten: sum.forgotten / n };
}

/**
 * The projection for a role of `cards` cards (retired ones left out), of which `studied` were
 * studied. "Keep going" is a Monte Carlo simulation with a fixed seed: the same input, the same figures.
 */
export function projectCards(
  cards: number,
  studied: readonly StudiedCard[],
  input: ProjectionInput,
): Projection | null {
  const left = daysLeft(input.interviewDate, input.now, input.rolloverHour);
  const until = interviewMoment(input.interviewDate);
  if (left === null || until === null || left < 0) return null;
  const f = new FSRSAlgorithm(
    generatorParameters({
      w: input.w ? [...input.w] : undefined,
      request_retention: input.desiredRetention,
      enable_fuzz: false,
    }),
  );
  const random = seededRandom(0x5eed);
  const perCard = Math.max(1, Math.ceil(PATHS / Math.max(1, studied.length)));
  const fresh = cards - studied.length;
  let stop = 0;
  const keep = { recall: 0, reviews: 0, forgotten: 0 };
  const add = (o: PathOutcome, n: number) => {
    keep.recall += o.recall * n;
    keep.reviews += o.reviews * n;
    keep.forgotten += o.forgotten * n;
  };
  // In one canonical order, so the figures depend on the cards alone, not on the order they came in.
  for (const s of [...studied].sort(byMemory)) {
    const ifStopped = f.forgetting_curve(Math.max(0, until - s.lastReview) / DAY_MS, s.stability);
    stop += ifStopped;
    const memory = {
      stability: s.stability,
      difficulty: s.difficulty,
      last: s.lastReview,
      due: Math.max(s.due, s.lastReview),
    };
    if (memory.due >= until) add({ recall: ifStopped, reviews: 0, forgotten: 0 }, 1);
    else
      add(
        mean(perCard, () => followCard(f, memory, until, random)),
        1,
      );
  }
  // New cards at the daily limit, today's remainder first, one review day apart.
  let introduced = 0;
  for (let day = 0; day < left && introduced < fresh; day++) {
    const room = Math.min(
      fresh - introduced,
      day === 0 ? Math.max(0, input.newPerDay - input.newDoneToday) : input.newPerDay,
    );
    const seenAt = input.now + day * DAY_MS;
    if (room > 0)
      add(
        mean(NEW_PATHS, () => followNewCard(f, seenAt, until, random)),
        room,
      );
    introduced += room;
  }
  const total = cards || 1;
  const needed = fresh === 0 ? 0 : left === 0 ? fresh : Math.ceil(fresh / left);
  return {
    daysLeft: left,
    ifStopNow: stop / total,
    ifKeepGoing: keep.recall / total,
    reviewsAhead: Math.round(keep.reviews),
    forgottenAhead: Math.round(keep.forgotten),
    newRemaining: fresh,
    newPerDayNeeded: needed,
    newPerDay: input.newPerDay,
    limitEnough: input.newPerDay >= needed,
  };
}
