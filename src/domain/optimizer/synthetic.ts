import { FSRSAlgorithm, generatorParameters, type FSRSState } from 'ts-fsrs';
import { Scheduler } from '../scheduling/scheduler';
import { newState } from '../scheduling/newState';
import { CardState, type Rating, type ReviewLog, type SchedState } from '../scheduling/types';

const DAY = 86_400_000;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  seed: number;
  cards: number;
  days: number;
  /** The memory of the simulated learner: recall on a later day follows these FSRS-6 parameters. */
  truth: readonly number[];
  /** The first moment of the history (epoch ms). */
  start: number;
  deckId?: string;
}

/**
 * A review history of a learner whose memory follows `truth`, scheduled by the app's scheduler
 * with the default parameters (as for a user who never optimized). Same options, same history.
 */
export function syntheticHistory(o: SyntheticOptions): { logs: ReviewLog[]; states: SchedState[] } {
  const rnd = mulberry32(o.seed);
  const memory = new FSRSAlgorithm(generatorParameters({ w: [...o.truth], enable_short_term: true }));
  const scheduler = new Scheduler({
    desiredRetention: 0.9,
    learningSteps: ['1m', '10m'],
    relearningSteps: ['10m'],
    fuzz: true,
    maximumInterval: 36_500,
  });
  const deckId = o.deckId ?? 'synthetic';
  const logs: ReviewLog[] = [];
  const states: SchedState[] = [];
  const end = o.start + o.days * DAY;
  for (let c = 0; c < o.cards; c++) {
    let state = newState(`${deckId}.c${c}`, deckId, c);
    let truthState: FSRSState | null = null;
    let lastDay = 0;
    let now =
      o.start + Math.floor(rnd() * Math.min(o.days / 2, 60)) * DAY + Math.floor(rnd() * 8) * 3_600_000;
    while (now < end) {
      const day = Math.floor((now - o.start) / DAY);
      const elapsed = truthState ? day - lastDay : 0;
      const recalled = truthState
        ? rnd() < (elapsed > 0 ? memory.forgetting_curve(elapsed, truthState.stability) : 0.93)
        : rnd() < 0.7;
      const u = rnd();
      const rating: Rating = !recalled ? 1 : u < 0.1 ? 2 : u < 0.9 ? 3 : 4;
      const answered = scheduler.answer(state, rating, now, 8_000, `${state.cardId}-${logs.length}`);
      logs.push(answered.log);
      truthState = memory.next_state(truthState, elapsed, rating);
      lastDay = day;
      state = answered.next;
      now = state.state === CardState.New ? end : Math.max(now + 60_000, state.due);
    }
    states.push(state);
  }
  return { logs, states };
}
