/** No rating for this long: the user is not in the middle of reviewing. */
const QUIET_MS = 1_500;
/** The longest one step of sync waits, so that a sync still moves during a long session. */
const MAX_WAIT_MS = 10_000;

export interface ReviewYield {
  /** A rating was saved in some tab of the app. */
  reviewed: () => void;
  /** Resolves once no rating came for QUIET_MS, or after MAX_WAIT_MS of waiting. */
  pause: () => Promise<void>;
}

/**
 * Sync's long work (a first push of the whole history) goes in small steps, and while someone is
 * rating cards in a tab of the app it waits before each step until the ratings pause: a step's
 * reads and writes would make the next rating's transaction wait for them in IndexedDB, and its
 * work would take the CPU from the review's page (on two cores, a rating during a first push took
 * 50 to 500 ms to paint the next card, against 10 ms before). Reviewing never waits for sync.
 */
export function reviewYield(
  now: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((done) => setTimeout(done, ms)),
): ReviewYield {
  let last = -Infinity;
  return {
    reviewed: () => {
      last = now();
    },
    async pause() {
      const start = now();
      for (;;) {
        const quiet = now() - last;
        const waited = now() - start;
        if (quiet >= QUIET_MS || waited >= MAX_WAIT_MS) return;
        await sleep(Math.min(QUIET_MS - quiet, MAX_WAIT_MS - waited));
      }
    },
  };
}
