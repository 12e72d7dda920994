import { CardState } from '../scheduling/types';
import { DAY_MS, reviewDayNumber } from '../time/reviewDay';
import type { StudiedCard } from './projection';
import { readinessFrom, type Readiness } from './readiness';
import { emptySums, topicRows, type TopicRow, type TopicSums } from './topics';
import { emptyRoleCounts, type RoleCounts } from './roleCounts';
import { emptyDistributions, place, type Distributions, type StateCounts } from './schedule';
import { recallCurve } from './recall';
import { BURIED, isLeechAt, RETIRED, SHOWN, studiedAt, SUSPENDED, type StateColumns } from './stateColumns';

const HOUR_MS = 3_600_000;

/*
 * The statistics of readiness.ts, roleCounts.ts and schedule.ts, read straight from snapshot
 * columns: the same results (columnStats.test.ts checks it) without an object per card.
 */

/** A role's columns with each card's predicted recall at one moment (0: never studied). */
export interface RoleAt {
  columns: StateColumns;
  recall: Float64Array;
}

/** The role's columns with each card's recall at `at`, computed once for every statistic that needs it. */
export function roleAt(columns: StateColumns, at: number): RoleAt {
  const recall = new Float64Array(columns.state.length);
  const after = recallCurve();
  // As `recallAt`, card by card.
  for (let i = 0; i < recall.length; i++) {
    const last = columns.lastReview[i]!;
    if (columns.state[i] !== CardState.New && !Number.isNaN(last))
      recall[i] = after(columns.stability[i]!, at - last);
  }
  return { columns, recall };
}

export function readinessOfColumns(roles: readonly RoleAt[]): Readiness {
  let cards = 0;
  let studied = 0;
  let sum = 0;
  for (const { columns: c, recall } of roles) {
    for (let i = 0; i < c.state.length; i++) {
      if (c.hidden[i] === RETIRED) continue;
      cards++;
      if (!studiedAt(c, i)) continue;
      studied++;
      sum += recall[i]!;
    }
  }
  return readinessFrom(cards, studied, sum);
}

/** As `topicTable`; without `byTopic` every card counts under the topic ''. */
export function topicTableOfColumns(roles: readonly RoleAt[], byTopic: boolean): TopicRow[] {
  const rows = new Map<string, TopicSums>();
  for (const { columns: c, recall } of roles) {
    for (let i = 0; i < c.state.length; i++) {
      if (c.hidden[i] === RETIRED) continue;
      const t = byTopic ? c.topic[i]! : -1;
      const topic = t < 0 ? '' : c.topicNames[t]!;
      let row = rows.get(topic);
      if (!row) rows.set(topic, (row = emptySums()));
      row.cards++;
      row.lapses += c.lapses[i]!;
      if (studiedAt(c, i)) {
        row.studied++;
        row.sum += recall[i]!;
        row.reviews += c.reps[i]!;
      }
    }
  }
  return topicRows(rows);
}

export function roleCountsOfColumns(roles: readonly StateColumns[], dayEnd: number): RoleCounts {
  const n = emptyRoleCounts();
  for (const c of roles) {
    for (let i = 0; i < c.state.length; i++) {
      const hidden = c.hidden[i];
      if (hidden === RETIRED) {
        n.retired++;
        continue;
      }
      n.total++;
      if (isLeechAt(c, i)) n.leeches++;
      if (hidden === SUSPENDED) n.suspended++;
      else if (hidden === BURIED) n.buried++;
      else if (c.state[i] === CardState.New) n.new++;
      else if (c.state[i] === CardState.Review) {
        n.review++;
        if (c.due[i]! < dayEnd) n.dueToday++;
      } else n.learning++;
    }
  }
  return n;
}

export function stateCountsOfColumns(roles: readonly StateColumns[]): StateCounts {
  const n: StateCounts = {
    new: 0,
    learning: 0,
    review: 0,
    relearning: 0,
    suspended: 0,
    buried: 0,
    retired: 0,
    leeches: 0,
  };
  for (const c of roles) {
    for (let i = 0; i < c.state.length; i++) {
      const hidden = c.hidden[i];
      const state = c.state[i];
      if (hidden !== RETIRED && isLeechAt(c, i)) n.leeches++;
      if (hidden === RETIRED) n.retired++;
      else if (hidden === SUSPENDED) n.suspended++;
      else if (hidden === BURIED) n.buried++;
      else if (state === CardState.New) n.new++;
      else if (state === CardState.Learning) n.learning++;
      else if (state === CardState.Review) n.review++;
      else n.relearning++;
    }
  }
  return n;
}

/**
 * When each of the `days` review days from `today` on starts, and the one after them: a due time
 * is then placed by comparisons, not by a calendar conversion per card. Null where the local
 * calendar does not step from day to day at those times (each card is converted then).
 */
function dayStarts(today: number, rolloverHour: number, days: number): Float64Array | null {
  const starts = new Float64Array(days + 1);
  for (let k = 0; k <= days; k++) {
    const date = new Date((today + k) * DAY_MS);
    const midnight = new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()).getTime();
    const start = midnight + rolloverHour * HOUR_MS;
    const stepsHere =
      reviewDayNumber(start, rolloverHour) === today + k &&
      reviewDayNumber(start - 1, rolloverHour) === today + k - 1;
    if (!stepsHere) return null;
    starts[k] = start;
  }
  return starts;
}

export function dueForecastOfColumns(
  roles: readonly StateColumns[],
  now: number,
  rolloverHour: number,
  days = 30,
): number[] {
  const today = reviewDayNumber(now, rolloverHour);
  const out = new Array<number>(days).fill(0);
  const starts = dayStarts(today, rolloverHour, days);
  const offsetOf = (due: number): number => {
    if (!starts) return Math.max(0, reviewDayNumber(due, rolloverHour) - today);
    if (!(due < starts[days]!)) return days;
    let [lo, hi] = [0, days];
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (due >= starts[mid]!) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  for (const c of roles) {
    for (let i = 0; i < c.state.length; i++) {
      if (c.hidden[i] !== SHOWN || c.state[i] === CardState.New) continue;
      const offset = offsetOf(c.due[i]!);
      if (offset < days) out[offset]!++;
    }
  }
  return out;
}

export function distributionsOfColumns(roles: readonly RoleAt[]): Distributions {
  const out = emptyDistributions();
  for (const { columns: c, recall } of roles) {
    for (let i = 0; i < c.state.length; i++) {
      if (c.hidden[i] === RETIRED || !studiedAt(c, i)) continue;
      place(out.stability, c.stability[i]!);
      place(out.difficulty, c.difficulty[i]!);
      place(out.retrievability, recall[i]!);
    }
  }
  return out;
}

/** The role's cards (retired ones left out) and its studied cards, for `projectCards`. */
export function studiedCardsOfColumns(roles: readonly StateColumns[]): {
  cards: number;
  studied: StudiedCard[];
} {
  let cards = 0;
  const studied: StudiedCard[] = [];
  for (const c of roles) {
    for (let i = 0; i < c.state.length; i++) {
      if (c.hidden[i] === RETIRED) continue;
      cards++;
      if (!studiedAt(c, i)) continue;
      const [stability, difficulty] = [c.stability[i]!, c.difficulty[i]!];
      studied.push({ stability, difficulty, lastReview: c.lastReview[i]!, due: c.due[i]! });
    }
  }
  return { cards, studied };
}
