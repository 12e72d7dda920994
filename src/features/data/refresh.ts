import type { AppDb } from '../../storage/db';
import { loadFsrsParams } from '../../storage/fsrsParams';
import { loadSettings } from '../../storage/settings';
import { useAppStore } from '../../state/appStore';

/** After a restore, import or rollback: show the stored settings, and every screen reloads its data. */
export async function refreshApp(db: AppDb): Promise<void> {
  useAppStore.getState().setFsrsParams(await loadFsrsParams(db));
  useAppStore.getState().setSettings(await loadSettings(db));
}
