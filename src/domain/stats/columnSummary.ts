import { readinessOfColumns, roleAt, type RoleAt } from './columnStats';
import type { StatsReport } from './report';
import type { StateColumns } from './stateColumns';

/**
 * The top of the statistics screen: readiness overall and by role. It needs the card states
 * alone (no review history), so the screen can show it before the rest of the report is computed.
 */
export type StatsSummary = Pick<StatsReport, 'now' | 'readiness' | 'roles'>;

/** The summary of roles whose recall at `now` is already computed (`roleAt`). */
export function summaryOfRoles(atNow: readonly RoleAt[], now: number): StatsSummary {
  return {
    now,
    readiness: readinessOfColumns(atNow),
    roles: atNow
      .filter((r) => r.columns.state.length > 0)
      .map((r) => ({ deckId: r.columns.deckId, readiness: readinessOfColumns([r]) })),
  };
}

export const statsSummaryOfColumns = (roles: readonly StateColumns[], now: number): StatsSummary =>
  summaryOfRoles(
    roles.map((c) => roleAt(c, now)),
    now,
  );
