import type { SchedState } from '../scheduling/types';
import { freshToday, historyFromRollups, type DayRollup } from './dayRollup';
import type { History } from './history';
import { projectReadiness, type Projection } from './projection';
import { readiness, type Readiness } from './readiness';
import { topicTable, type TopicRow } from './topics';
import { distributions, dueForecast, stateCounts, type Distributions, type StateCounts } from './schedule';

export interface StatsInput {
  states: readonly SchedState[];
  /** Day rollups of the review logs. */
  days: readonly DayRollup[];
  topicOf: (cardId: string) => string | undefined;
  now: number;
  rolloverHour: number;
  /** Per role when the report is for one role with an interview date. */
  interview?: {
    date: string;
    desiredRetention: number;
    newPerDay: number;
    w?: readonly number[] | null;
  } | null;
}

export interface StatsReport {
  now: number;
  readiness: Readiness;
  /** Readiness of each role, when the report covers several. */
  roles: { deckId: string; readiness: Readiness }[];
  projection: Projection | null;
  topics: TopicRow[];
  history: History;
  forecast: number[];
  counts: StateCounts;
  distributions: Distributions;
}

function byRole(states: readonly SchedState[]): [string, SchedState[]][] {
  const groups = new Map<string, SchedState[]>();
  for (const s of states) {
    const list = groups.get(s.deckId);
    if (list) list.push(s);
    else groups.set(s.deckId, [s]);
  }
  return [...groups];
}

/** Everything the statistics screen shows, from card states and review logs. */
export function statsReport(input: StatsInput): StatsReport {
  const { states, days, now, rolloverHour, interview } = input;
  return {
    now,
    readiness: readiness(states, now),
    roles: byRole(states).map(([deckId, list]) => ({ deckId, readiness: readiness(list, now) })),
    projection: interview
      ? projectReadiness(states, {
          interviewDate: interview.date,
          now,
          rolloverHour,
          desiredRetention: interview.desiredRetention,
          newPerDay: interview.newPerDay,
          newDoneToday: freshToday(days, now, rolloverHour),
          w: interview.w ?? null,
        })
      : null,
    topics: topicTable(states, input.topicOf, now),
    history: historyFromRollups(days, now, rolloverHour),
    forecast: dueForecast(states, now, rolloverHour),
    counts: stateCounts(states),
    distributions: distributions(states, now),
  };
}
