import { SYNCED_SETTINGS_CHANNEL } from '../components/sync/protocol';
import { syncIsOn } from '../components/sync/syncOn';
import { useAppStore } from '../state/appStore';
import type { AppDb } from '../storage/db';
import { loadFsrsParams } from '../storage/fsrsParams';
import { loadSettings } from '../storage/settings';

/**
 * Once the app is up, a device set up for sync starts its sync worker (none of it is in the first
 * bundle); settings and optimizer parameters the worker brings from another device apply at once.
 */
export function startSyncIfOn(db: AppDb): void {
  if (typeof Worker === 'undefined' || typeof BroadcastChannel === 'undefined') return;
  new BroadcastChannel(SYNCED_SETTINGS_CHANNEL).onmessage = () =>
    void Promise.all([loadSettings(db), loadFsrsParams(db)]).then(([settings, params]) => {
      useAppStore.getState().setSettings(settings);
      useAppStore.getState().setFsrsParams(params);
    });
  if (syncIsOn()) void import('../components/sync/syncClient').then((client) => client.startSyncQuietly());
}
