import { FSRSAlgorithm, generatorParameters, type Grade } from 'ts-fsrs';
import { seededRandom } from '../mock/random';
import { CardState, type SchedState } from '../scheduling/types';

const DAY = 86_400_000;

/** The levels the guidance compares. */
export const RETENTION_LEVELS = [0.8, 0.85, 0.9, 0.95] as const;

/**
 * How often a first view is rated Again, Hard, Good, Easy, and a recalled review Hard, Good, Easy:
 * the defaults of the FSRS optimizer's simulator (fsrs-rs), measured over many Anki users.
 */
const FIRST_RATING = [0.24, 0.094, 0.495, 0.171];
const RECALL_RATING = [0.224, 0.632, 0.144];

export interface WorkloadOptions {
  /** FSRS-6 parameters; FSRS's defaults when absent. */
  w?: readonly number[];
  desiredRetention: number;
  newPerDay: number;
  maxReviewsPerDay: number;
  maximumInterval: number;
  /** Same-day reviews after a lapse (the relearning steps). */
  relearningSteps: number;
  days: number;
  seed: number;
}

export interface Workload {
  desiredRetention: number;
  /** Reviews of studied cards a day, averaged over the days simulated (new cards' first views not counted). */
  reviewsPerDay: number;
  /** The cards the learner is expected to recall on the last day (the sum of their recall probabilities). */
  recalledAtEnd: number;
  /** Cards studied by the end (already studied, or introduced by the new-card limit). */
  studiedAtEnd: number;
}

/** The simulation's view of a card: its memory, and its last review in days from today (day 0). */
interface SimCard {
  stability: number;
  difficulty: number;
  /** The day of its last review (≤ 0 for cards already studied). */
  last: number;
}

const pick = (probabilities: readonly number[], u: number): number => {
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) {
    sum += probabilities[i]!;
    if (u < sum) return i;
  }
  return probabilities.length - 1;
};

/**
 * The reviews a role's cards would cost a day for `days` days at one desired retention: every
 * review recalled with the probability FSRS predicts, scheduled at the interval FSRS gives for the
 * retention, new cards introduced at the role's limit. Same cards, options and seed: same result.
 */
export function simulateWorkload(
  states: readonly SchedState[],
  dayStart: number,
  o: WorkloadOptions,
): Workload {
  const rnd = seededRandom(o.seed);
  const fsrs = new FSRSAlgorithm(
    generatorParameters({
      ...(o.w ? { w: [...o.w] } : {}),
      request_retention: o.desiredRetention,
      maximum_interval: o.maximumInterval,
      enable_fuzz: false,
      enable_short_term: true,
    }),
  );
  const cards: SimCard[] = [];
  // The cards due on each day; a card due after the last day is not reviewed again.
  const dueOn: number[][] = Array.from({ length: o.days }, () => []);
  const schedule = (index: number, day: number) => {
    if (day < o.days) dueOn[Math.max(0, day)]!.push(index);
  };
  let unseen = 0;
  for (const s of states) {
    if (s.hidden) continue;
    if (s.state === CardState.New || s.lastReview === null) {
      unseen++;
      continue;
    }
    cards.push({
      stability: Math.max(0.01, s.stability),
      difficulty: s.difficulty,
      last: Math.min(0, Math.floor((s.lastReview - dayStart) / DAY)),
    });
    // Learning and relearning cards come back today.
    schedule(cards.length - 1, s.state === CardState.Review ? Math.floor((s.due - dayStart) / DAY) : 0);
  }

  let reviews = 0;
  for (let day = 0; day < o.days; day++) {
    const due = dueOn[day]!;
    const room = Math.min(due.length, o.maxReviewsPerDay);
    for (let k = 0; k < room; k++) {
      const index = due[k]!;
      const card = cards[index]!;
      const elapsed = day - card.last;
      const r = fsrs.forgetting_curve(elapsed, card.stability);
      const recalled = rnd() < r;
      const u = rnd();
      const grade = (recalled ? 2 + pick(RECALL_RATING, u) : 1) as Grade;
      const next = fsrs.next_state(card, elapsed, grade, r);
      card.stability = next.stability;
      card.difficulty = next.difficulty;
      card.last = day;
      reviews += recalled ? 1 : 1 + o.relearningSteps;
      schedule(index, day + fsrs.next_interval(card.stability, elapsed));
    }
    // Over the review limit: they wait for tomorrow, as the queue makes them.
    if (day + 1 < o.days) for (let k = room; k < due.length; k++) dueOn[day + 1]!.push(due[k]!);
    due.length = 0;

    const introduce = Math.min(o.newPerDay, unseen);
    unseen -= introduce;
    for (let k = 0; k < introduce; k++) {
      const grade = (1 + pick(FIRST_RATING, rnd())) as Grade;
      const first = fsrs.next_state(null, 0, grade);
      cards.push({ stability: first.stability, difficulty: first.difficulty, last: day });
      schedule(cards.length - 1, day + fsrs.next_interval(first.stability, 0));
    }
  }

  const end = o.days;
  let recalledAtEnd = 0;
  for (const card of cards) recalledAtEnd += fsrs.forgetting_curve(end - card.last, card.stability);
  return {
    desiredRetention: o.desiredRetention,
    reviewsPerDay: reviews / o.days,
    recalledAtEnd,
    studiedAtEnd: cards.length,
  };
}

/** Cards simulated per level at least: a small role is run several times and averaged, so chance evens out. */
const CARDS_PER_LEVEL = 4_000;

/** How many seeded runs the guidance averages for a role of `cards` cards (at most 50). */
export const runsFor = (cards: number): number =>
  Math.min(50, Math.max(1, Math.ceil(CARDS_PER_LEVEL / Math.max(1, cards))));

/** The workload at each level of `RETENTION_LEVELS`: the mean of `runsFor` runs, the same seeds at every level. */
export function retentionGuidance(
  states: readonly SchedState[],
  dayStart: number,
  o: Omit<WorkloadOptions, 'desiredRetention'>,
): Workload[] {
  const runs = runsFor(states.length);
  return RETENTION_LEVELS.map((desiredRetention) => {
    const mean: Workload = { desiredRetention, reviewsPerDay: 0, recalledAtEnd: 0, studiedAtEnd: 0 };
    for (let run = 0; run < runs; run++) {
      const one = simulateWorkload(states, dayStart, { ...o, desiredRetention, seed: o.seed + run });
      mean.reviewsPerDay += one.reviewsPerDay / runs;
      mean.recalledAtEnd += one.recalledAtEnd / runs;
      mean.studiedAtEnd += one.studiedAtEnd / runs;
    }
    return mean;
  });
}
