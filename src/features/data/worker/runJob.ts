import type { AppDb } from '../../../storage/db';
import type { OnProgress } from './jobs';
import type { Job, JobResult, WorkerMessage } from './protocol';

const cancelled = () => new DOMException('Cancelled', 'AbortError');

/**
 * Runs a job in a Web Worker, so parsing a large file or writing a million rows never freezes
 * the page. Cancelling terminates the worker. Where there are no workers (unit tests), the same
 * code runs here.
 */
export function runJob(
  job: Job,
  db: AppDb,
  onProgress: OnProgress,
  signal?: AbortSignal,
): Promise<JobResult> {
  if (typeof Worker === 'undefined') {
    return import('./jobs').then(({ handleJob }) => handleJob(job, db, onProgress, signal));
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      finish();
      reject(cancelled());
    };
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort, { once: true });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') return onProgress(message.done, message.total);
      finish();
      if (message.type === 'done') resolve(message.result);
      else if (message.type === 'error')
        reject(Object.assign(new Error(message.message), { name: message.name }));
      else reject(new Error('Unexpected answer from the worker.'));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'The worker failed.'));
    };
    worker.postMessage(job);
  });
}
