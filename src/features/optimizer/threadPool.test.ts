import { describe, expect, it } from 'vitest';
import { ThreadsError, startThreads } from './threadPool';

/** A worker whose script never runs: the browser fires `error` at it, as for a refused or failed load. */
class RefusedWorker extends EventTarget {
  constructor(readonly url: string | URL) {
    super();
    setTimeout(() => this.dispatchEvent(new Event('error')), 0);
  }
}
/** A worker that starts: it says nothing, as wasm-bindgen-rayon's helper does once its module is in. */
class StartedWorker extends EventTarget {
  constructor(readonly url: string | URL) {
    super();
  }
}

/** initThreadPool as wasm-bindgen-rayon runs it: a nested worker per thread, then a wait for each. */
const pool = (scope: { Worker: typeof Worker }, ready: Promise<void>) => async () => {
  for (let i = 0; i < 2; i++) new scope.Worker('workerHelpers.js', { type: 'module' });
  await ready;
};

describe('starting the optimizer threads', () => {
  it('fails, saying the threads did not start, when one of them cannot start, instead of waiting for good', async () => {
    const scope = { Worker: RefusedWorker as unknown as typeof Worker };
    const never = new Promise<void>(() => {});
    const started = startThreads(pool(scope, never), scope);
    await expect(started).rejects.toBeInstanceOf(ThreadsError);
    await expect(started).rejects.toThrow('its threads did not start');
    expect(scope.Worker).toBe(RefusedWorker);
  });

  it('resolves once the pool is ready, and leaves the Worker constructor as it was', async () => {
    const scope = { Worker: StartedWorker as unknown as typeof Worker };
    await startThreads(pool(scope, Promise.resolve()), scope);
    expect(scope.Worker).toBe(StartedWorker);
  });
});
