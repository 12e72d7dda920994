/// <reference lib="webworker" />
import type { BackupData } from '../../../domain/backup/format';
import { restoreBackup } from '../../../storage/backup/restore';
import { type AppDb } from '../../../storage/db';
import { openDb } from '../../../storage/openDb';
import { handleJob } from './jobs';
import type { WorkerMessage, WorkerRequest } from './protocol';
import { prepareRestore } from './restoreJob';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: WorkerMessage) => scope.postMessage(message);
const progress = (done: number, total: number) => post({ type: 'progress', done, total });

/** The checked backup, held here between its preview and the user's go-ahead. */
let pending: { db: AppDb; data: BackupData } | null = null;

async function handle(request: WorkerRequest): Promise<void> {
  if (request.kind === 'restore') {
    const db = openDb(request.dbName);
    const { check, data } = await prepareRestore(request.file, db);
    if (data) pending = { db, data };
    else db.close();
    return post({ type: 'preview', check });
  }
  if (request.kind === 'applyRestore') {
    if (!pending) throw new Error('No backup has been checked.');
    const { db, data } = pending;
    const summary = await restoreBackup(db, data, request.mode, request.now, progress);
    pending = null;
    db.close();
    return post({ type: 'done', result: { kind: 'restored', summary } });
  }
  const db = 'dbName' in request ? openDb(request.dbName) : null;
  try {
    post({ type: 'done', result: await handleJob(request, db, progress) });
  } finally {
    db?.close();
  }
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  handle(event.data).catch((error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    post({ type: 'error', message: e.message, name: e.name });
  });
};
