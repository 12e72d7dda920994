type Reply = { id: number; result?: unknown; error?: string };

/**
 * Request/reply over one Web Worker, started on the first call: each request carries an id, and
 * the worker answers `{ id, result }` or `{ id, error }`. `start` must construct the worker with
 * `new Worker(new URL('./x.worker.ts', import.meta.url), …)` itself, so the bundler finds it.
 */
export function workerCall(start: () => Worker): (request: unknown) => Promise<unknown> {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const get = () => {
    if (!worker) {
      worker = start();
      worker.onmessage = (event: MessageEvent<Reply>) => {
        const { id, result, error } = event.data;
        const waiting = pending.get(id);
        pending.delete(id);
        if (error !== undefined) waiting?.reject(new Error(error));
        else waiting?.resolve(result);
      };
    }
    return worker;
  };
  return (request) => {
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      get().postMessage({ id, request });
    });
  };
}
