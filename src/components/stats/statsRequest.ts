import { statsReportOfColumns } from '../../domain/stats/columnReport';
import { readinessOfColumns, roleAt, roleCountsOfColumns } from '../../domain/stats/columnStats';
import { statsSummaryOfColumns, type StatsSummary } from '../../domain/stats/columnSummary';
import type { Readiness } from '../../domain/stats/readiness';
import type { StatsReport } from '../../domain/stats/report';
import type { RoleCounts } from '../../domain/stats/roleCounts';
import { daysLeft } from '../../domain/time/calendarDate';
import { endOfReviewDay } from '../../domain/time/reviewDay';
import type { AppDb } from '../../storage/db';
import { loadSnapshotColumns } from '../../storage/snapshots/loadSnapshots';
import type { SnapshotCache } from '../../storage/snapshots/snapshotCache';
import { loadAllColumns, loadStatsSource } from '../../storage/statsSource';

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
  /** `w`: the role's FSRS parameters when it has optimized ones. */
  interview: { date: string; desiredRetention: number; newPerDay: number; w?: number[] | null } | null;
}

/** Readiness overall and by role (card states only): what the statistics screen shows first. */
export interface SummaryRequest {
  kind: 'summary';
  /** null: every role together. */
  deckId: string | null;
  now: number;
}

export type StatsRequest = OverviewRequest | ReportRequest | SummaryRequest;

/** Opens the worker's database and, given `deckIds` (null: every role), reads those snapshots. */
export interface WarmRequest {
  kind: 'warm';
  deckIds?: readonly string[] | null;
}

export interface RoleGlance {
  deckId: string;
  readiness: Readiness;
  daysLeft: number | null;
  counts: RoleCounts;
}

export type StatsResult<R extends StatsRequest> = R extends OverviewRequest
  ? RoleGlance[]
  : R extends SummaryRequest
    ? StatsSummary
    : StatsReport;

/** Runs a statistics request against the database: in the stats worker, or inline where there is none. */
export async function runStatsRequest(
  db: AppDb,
  request: StatsRequest,
  cache?: SnapshotCache,
): Promise<RoleGlance[] | StatsSummary | StatsReport> {
  if (request.kind === 'summary') {
    const byDeck = await loadSnapshotColumns(db, request.deckId === null ? null : [request.deckId], cache);
    return statsSummaryOfColumns([...byDeck.values()], request.now);
  }
  if (request.kind === 'overview') {
    const byDeck = await loadAllColumns(db, cache);
    const dayEnd = endOfReviewDay(request.now, request.rolloverHour);
    return request.roles.map(({ deckId, interviewDate }) => {
      const role = byDeck.has(deckId) ? [byDeck.get(deckId)!] : [];
      return {
        deckId,
        readiness: readinessOfColumns(role.map((c) => roleAt(c, request.now))),
        daysLeft: interviewDate ? daysLeft(interviewDate, request.now, request.rolloverHour) : null,
        counts: roleCountsOfColumns(role, dayEnd),
      };
    });
  }
  const source = await loadStatsSource(db, request.deckId, request.rolloverHour, cache);
  return statsReportOfColumns({
    roles: source.roles,
    days: source.days,
    byTopic: request.deckId !== null,
    now: request.now,
    rolloverHour: request.rolloverHour,
    interview: request.interview,
  });
}
