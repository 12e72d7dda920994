let worker: Worker | null = null;

/**
 * The statistics worker, created once: by the route the moment the screen is opened, so that the
 * worker's own download and start overlap the screen's (this module is small enough for the first
 * bundle; the client with its requests is not), or else by the first request.
 */
export const statsWorker = (): Worker =>
  (worker ??= new Worker(new URL('./stats.worker.ts', import.meta.url), { type: 'module' }));
