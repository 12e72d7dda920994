import type { SchedState } from '../../domain/scheduling/types';
import { readiness, type Readiness } from '../../domain/stats/readiness';
import { statsReport, type StatsReport } from '../../domain/stats/report';
import { roleCounts, type RoleCounts } from '../../domain/stats/roleCounts';
import { daysLeft } from '../../domain/time/calendarDate';
import { endOfReviewDay } from '../../domain/time/reviewDay';
import type { AppDb } from '../../storage/db';
import type { SnapshotCache } from '../../storage/snapshots/snapshotCache';
import { loadAllStates, loadStatsSource } from '../../storage/statsSource';

export interface OverviewRequest {
  kind: 'overview';
  now: number;
  rolloverHour: number;
  roles: { deckId: string; interviewDate: string | null }[];
}

export interface ReportRequest {
  kind: 'report';
  /** null: every role together. */
  deckId: string | null;
  now: number;
  rolloverHour: number;
  interview: { date: string; desiredRetention: number; newPerDay: number } | null;
}

export type StatsRequest = OverviewRequest | ReportRequest;

export interface RoleGlance {
  deckId: string;
  readiness: Readiness;
  daysLeft: number | null;
  counts: RoleCounts;
}

export type StatsResult<R extends StatsRequest> = R extends OverviewRequest ? RoleGlance[] : StatsReport;

/** Runs a statistics request against the database: in the stats worker, or inline where there is none. */
export async function runStatsRequest(
  db: AppDb,
  request: StatsRequest,
  cache?: SnapshotCache,
): Promise<RoleGlance[] | StatsReport> {
  if (request.kind === 'overview') {
    const byDeck = new Map<string, SchedState[]>();
    for (const s of await loadAllStates(db, cache)) {
      const list = byDeck.get(s.deckId);
      if (list) list.push(s);
      else byDeck.set(s.deckId, [s]);
    }
    const dayEnd = endOfReviewDay(request.now, request.rolloverHour);
    return request.roles.map(({ deckId, interviewDate }) => ({
      deckId,
      readiness: readiness(byDeck.get(deckId) ?? [], request.now),
      daysLeft: interviewDate ? daysLeft(interviewDate, request.now, request.rolloverHour) : null,
      counts: roleCounts(byDeck.get(deckId) ?? [], dayEnd),
    }));
  }
  const source = await loadStatsSource(db, request.deckId, request.rolloverHour, cache);
  return statsReport({
    states: source.states,
    days: source.days,
    topicOf: (id) => source.topics.get(id),
    now: request.now,
    rolloverHour: request.rolloverHour,
    interview: request.interview,
  });
}
