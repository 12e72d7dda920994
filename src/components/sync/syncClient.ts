import type { SyncServer } from '../../domain/sync/server';
import { DB_NAME } from '../../storage/db';
import { workerCall } from '../workerCall';
import { setSyncOn } from './syncOn';
import { SYNC_STATUS_CHANNEL, type SetupResult, type SyncStatus } from './protocol';

/**
 * The page's side of sync: the engine runs in a worker (the network, and replaying what arrives,
 * never hold up a review), and this module loads only once sync is set up or its section opens.
 */
const call = workerCall(
  () => new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module', name: 'sync' }),
);

export const startSync = (dbName = DB_NAME) => call({ kind: 'start', dbName }) as Promise<SyncStatus>;
/** Starts sync without asking for its status (which counts the reviews waiting to be pushed). */
export const startSyncQuietly = (dbName = DB_NAME) => call({ kind: 'start', dbName, status: false });
export const syncStatus = () => call({ kind: 'status' }) as Promise<SyncStatus>;
export const testServer = (server: SyncServer) => call({ kind: 'test', server }) as Promise<SetupResult>;
export const syncNow = () => call({ kind: 'syncNow' }) as Promise<SyncStatus>;
export const pauseSync = (paused: boolean) => call({ kind: 'pause', paused }) as Promise<SyncStatus>;

export async function setUpSync(server: SyncServer, dbName = DB_NAME): Promise<SetupResult> {
  await startSyncQuietly(dbName);
  const result = (await call({ kind: 'setup', server })) as SetupResult;
  if (!result) setSyncOn(true);
  return result;
}

export async function forgetSync(): Promise<SyncStatus> {
  setSyncOn(false);
  return (await call({ kind: 'forget' })) as SyncStatus;
}

/** Calls `listener` with every status the sync worker announces; returns the unsubscribe. */
export function onSyncStatus(listener: (status: SyncStatus) => void): () => void {
  const channel = new BroadcastChannel(SYNC_STATUS_CHANNEL);
  channel.onmessage = (event: MessageEvent<SyncStatus>) => listener(event.data);
  return () => channel.close();
}
