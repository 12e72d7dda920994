/**
 * Something loaded on first request and kept (a module loaded on demand): `load()` starts it once
 * and returns the same promise; `loaded()` is the value once it has arrived, so a caller can use it
 * in the same task. A failed load is forgotten: the next request tries again (offline, an update).
 */
export function loadOnce<T>(load: () => Promise<T>) {
  let value: T | null = null;
  let pending: Promise<T> | null = null;
  return {
    load: (): Promise<T> =>
      (pending ??= load().then(
        (v) => (value = v),
        (error: unknown) => {
          pending = null;
          throw error;
        },
      )),
    loaded: (): T | null => value,
  };
}
