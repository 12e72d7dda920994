import type { DeckRecord } from '../domain/deck/records';
import { roleOrder } from '../domain/roles';
import { loadOverview } from '../storage/overview';
import { useAppStore } from '../state/appStore';
import { useAsync } from './useAsync';
import { useDb } from './DbContext';

/** Every role with today's counts; `include` (which must depend on the settings alone) keeps some. */
export function useOverview(include?: (deck: DeckRecord) => boolean) {
  const db = useDb();
  const settings = useAppStore((s) => s.settings);
  return useAsync(() => loadOverview(db, settings, Date.now(), [...roleOrder], include), [db, settings]);
}
