import { roleOrder } from '../domain/roles';
import { loadOverview } from '../storage/overview';
import { useAppStore } from '../state/appStore';
import { useAsync } from './useAsync';
import { useDb } from './DbContext';

export function useOverview() {
  const db = useDb();
  const settings = useAppStore((s) => s.settings);
  return useAsync(() => loadOverview(db, settings, Date.now(), [...roleOrder]), [db, settings]);
}
