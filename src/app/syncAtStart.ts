import { syncIsOn } from '../components/sync/syncOn';

/** Once the app is up, a device set up for sync starts its sync worker (none of it is in the first bundle). */
export function startSyncIfOn(): void {
  if (typeof Worker === 'undefined' || !syncIsOn()) return;
  void import('../components/sync/syncClient').then((client) => client.startSync());
}
