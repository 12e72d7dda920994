import type { RestoreMode, RestoreSummary } from '../../../domain/backup/plan';
import { restoreBackup } from '../../../storage/backup/restore';
import type { AppDb } from '../../../storage/db';
import type { OnProgress } from './jobs';
import type { WorkerMessage, WorkerRequest } from './protocol';
import type { RestoreCheck } from './restoreJob';

export interface RestoreSession {
  /** The file checked whole, with what each way of restoring would do. */
  check: Promise<RestoreCheck>;
  apply: (mode: RestoreMode, onProgress: OnProgress) => Promise<RestoreSummary>;
  close: () => void;
}

function inline(file: Blob, db: AppDb): RestoreSession {
  const prepared = import('./restoreJob').then((m) => m.prepareRestore(file, db));
  return {
    check: prepared.then((p) => p.check),
    apply: async (mode, onProgress) => {
      const { data } = await prepared;
      if (!data) throw new Error('This file cannot be restored.');
      return restoreBackup(db, data, mode, Date.now(), onProgress);
    },
    close: () => {},
  };
}

/**
 * Checks a backup in a worker, which keeps the parsed data: the page only ever sees counts, and
 * the restore's writes happen off the main thread too. Without workers (tests) it runs here.
 */
export function openRestoreSession(file: Blob, db: AppDb): RestoreSession {
  if (typeof Worker === 'undefined') return inline(file, db);
  const worker = new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module' });
  let waiting: { resolve: (m: WorkerMessage) => void; reject: (e: Error) => void } | null = null;
  let onProgress: OnProgress = () => {};
  const ask = (request: WorkerRequest) =>
    new Promise<WorkerMessage>((resolve, reject) => {
      waiting = { resolve, reject };
      worker.postMessage(request);
    });
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    if (message.type === 'progress') return onProgress(message.done, message.total);
    const w = waiting;
    waiting = null;
    if (message.type === 'error')
      w?.reject(Object.assign(new Error(message.message), { name: message.name }));
    else w?.resolve(message);
  };
  worker.onerror = (event) => {
    waiting?.reject(new Error(event.message || 'The worker failed.'));
    waiting = null;
  };
  return {
    check: ask({ kind: 'restore', dbName: db.name, file }).then((m) => {
      if (m.type !== 'preview') throw new Error('Unexpected answer from the worker.');
      return m.check;
    }),
    apply: async (mode, progress) => {
      onProgress = progress;
      const m = await ask({ kind: 'applyRestore', mode, now: Date.now() });
      worker.terminate();
      if (m.type !== 'done' || m.result.kind !== 'restored')
        throw new Error('Unexpected answer from the worker.');
      return m.result.summary;
    },
    close: () => {
      waiting?.reject(new DOMException('Cancelled', 'AbortError'));
      waiting = null;
      worker.terminate();
    },
  };
}
