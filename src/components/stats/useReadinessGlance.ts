import { roleSettings } from '../../domain/settings/settings';
import { useAppStore } from '../../state/appStore';
import { useDb } from '../DbContext';
import { useAsync } from '../useAsync';
import { requestStats } from './statsClient';
import type { RoleGlance } from './statsRequest';

/** Readiness and days to the interview for the given roles, computed in the stats worker. */
export function useReadinessGlance(deckIds: string[]): Map<string, RoleGlance> {
  const db = useDb();
  const settings = useAppStore((s) => s.settings);
  const key = deckIds.join(',');
  const state = useAsync(async () => {
    const roles = deckIds.map((deckId) => ({
      deckId,
      interviewDate: roleSettings(settings, deckId).interviewDate,
    }));
    const rows = await requestStats(db, {
      kind: 'overview',
      now: Date.now(),
      rolloverHour: settings.rolloverHour,
      roles,
    });
    return new Map(rows.map((r) => [r.deckId, r]));
  }, [db, settings, key]);
  return state.status === 'done' ? state.value : new Map();
}
