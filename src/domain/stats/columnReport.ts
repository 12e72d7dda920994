import {
  distributionsOfColumns,
  dueForecastOfColumns,
  roleAt,
  stateCountsOfColumns,
  studiedCardsOfColumns,
  topicTableOfColumns,
} from './columnStats';
import { summaryOfRoles } from './columnSummary';
import { freshToday, historyFromRollups, type DayRollup } from './dayRollup';
import { projectCards } from './projection';
import type { StatsInput, StatsReport } from './report';
import type { StateColumns } from './stateColumns';

export interface ColumnStatsInput extends Omit<StatsInput, 'states' | 'topicOf'> {
  /** Each role's card states, as columns. */
  roles: readonly StateColumns[];
  days: readonly DayRollup[];
  /** Whether the topic table goes by topic (else every card counts under the topic ''). */
  byTopic: boolean;
}

/** `statsReport` from snapshot columns: the same report, without an object per card. */
export function statsReportOfColumns(input: ColumnStatsInput): StatsReport {
  const { roles, days, now, rolloverHour, interview } = input;
  const role = interview ? studiedCardsOfColumns(roles) : null;
  const atNow = roles.map((c) => roleAt(c, now));
  return {
    ...summaryOfRoles(atNow, now),
    projection:
      interview && role
        ? projectCards(role.cards, role.studied, {
            interviewDate: interview.date,
            now,
            rolloverHour,
            desiredRetention: interview.desiredRetention,
            newPerDay: interview.newPerDay,
            newDoneToday: freshToday(days, now, rolloverHour),
            w: interview.w ?? null,
          })
        : null,
    topics: topicTableOfColumns(atNow, input.byTopic),
    history: historyFromRollups(days, now, rolloverHour),
    forecast: dueForecastOfColumns(roles, now, rolloverHour),
    counts: stateCountsOfColumns(roles),
    distributions: distributionsOfColumns(atNow),
  };
}
