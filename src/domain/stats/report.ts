import { CardState, type SchedState } from '../scheduling/types';
import { startOfReviewDay } from '../time/reviewDay';
import { history, type History, type LogLite } from './history';
import { projectReadiness, type Projection } from './projection';
import { readiness, topicTable, type Readiness, type TopicRow } from './readiness';
import { distributions, dueForecast, stateCounts, type Distributions, type StateCounts } from './schedule';

export interface StatsInput {
  states: readonly SchedState[];
  logs: readonly LogLite[];
  topicOf: (cardId: string) => string | undefined;
  now: number;
  rolloverHour: number;
  /** Per role when the report is for one role with an interview date. */
  interview?: { date: string; desiredRetention: number; newPerDay: number } | null;
}

export interface StatsReport {
  now: number;
  readiness: Readiness;
  projection: Projection | null;
  topics: TopicRow[];
  history: History;
  forecast: number[];
  counts: StateCounts;
  distributions: Distributions;
}

const newCardsSince = (logs: readonly LogLite[], since: number) =>
  logs.reduce((n, l) => (l.state === CardState.New && l.review >= since ? n + 1 : n), 0);

/** Everything the statistics screen shows, from card states and review logs. */
export function statsReport(input: StatsInput): StatsReport {
  const { states, logs, now, rolloverHour, interview } = input;
  return {
    now,
    readiness: readiness(states, now),
    projection: interview
      ? projectReadiness(states, {
          interviewDate: interview.date,
          now,
          rolloverHour,
          desiredRetention: interview.desiredRetention,
          newPerDay: interview.newPerDay,
          newDoneToday: newCardsSince(logs, startOfReviewDay(now, rolloverHour)),
        })
      : null,
    topics: topicTable(states, input.topicOf, now),
    history: history(logs, now, rolloverHour),
    forecast: dueForecast(states, now, rolloverHour),
    counts: stateCounts(states),
    distributions: distributions(states, now),
  };
}
