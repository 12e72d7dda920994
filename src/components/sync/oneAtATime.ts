/**
 * Runs `work` one at a time, losing no request: asked for while it runs (a sync after reviews
 * whose timer fires during a long first push), it runs once more right after, however many times
 * it was asked meanwhile. The promise is the run that ends with what was asked: the next one when
 * a run is under way.
 */
export function oneAtATime(work: () => Promise<void>): () => Promise<void> {
  let current: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const ask = (): Promise<void> => {
    if (next) return next;
    if (current) {
      // After the run under way, whether it succeeded or not.
      next = current
        .then(
          () => undefined,
          () => undefined,
        )
        .then(() => {
          next = null;
          return ask();
        });
      return next;
    }
    current = work().finally(() => (current = null));
    return current;
  };
  return ask;
}
