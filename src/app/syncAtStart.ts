import { SYNCED_SETTINGS_CHANNEL } from '../components/sync/protocol';
import { syncIsOn } from '../components/sync/syncOn';
import { useAppStore } from '../state/appStore';
import type { AppDb } from '../storage/db';
import { loadSettings } from '../storage/settings';

/**
 * Once the app is up, a device set up for sync starts its sync worker (none of it is in the first
 * bundle); settings the worker brings from another device are shown at once.
 */
export function startSyncIfOn(db: AppDb): void {
  if (typeof Worker === 'undefined' || typeof BroadcastChannel === 'undefined') return;
  new BroadcastChannel(SYNCED_SETTINGS_CHANNEL).onmessage = () =>
    void loadSettings(db).then((settings) => useAppStore.getState().setSettings(settings));
  if (syncIsOn()) void import('../components/sync/syncClient').then((client) => client.startSync());
}
