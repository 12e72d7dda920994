/** The optimizer's threads did not start: the training cannot run, and nothing was changed. */
export class ThreadsError extends Error {
  override name = 'ThreadsError';
}

/**
 * Runs `start` (fsrs-browser's initThreadPool) and fails as soon as one of the threads it starts
 * does. wasm-bindgen-rayon starts each thread as a worker nested in this one and waits for it to
 * say it is ready, listening for no errors: a thread that cannot start (its script refused by a
 * Content-Security-Policy, a failed download, no memory left) left the training "starting the
 * optimizer" for good.
 */
export async function startThreads(
  start: () => Promise<unknown>,
  scope: { Worker: typeof Worker } = globalThis,
): Promise<void> {
  const Native = scope.Worker;
  let fail: (error: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  scope.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('error', (event) => {
        const detail = event instanceof ErrorEvent && event.message ? ` (${event.message})` : '';
        fail(new ThreadsError(`its threads did not start: the browser did not run them${detail}`));
      });
    }
  };
  try {
    await Promise.race([start(), failed]);
  } finally {
    scope.Worker = Native;
  }
}
