import type * as Writes from './writes';

/*
 * The code that writes reviews and card actions is not needed to show the first card: it loads
 * right after (preloadWrites), and a write waits for it only if it is asked for before that. Once
 * loaded, a write starts synchronously, in the task of the key press that asked for it.
 */
let loaded: typeof Writes | null = null;
let loading: Promise<typeof Writes> | null = null;

export const preloadWrites = (): Promise<typeof Writes> =>
  (loading ??= import('./writes').then(
    (m) => (loaded = m),
    (error: unknown) => {
      loading = null; // a failed download (offline, an update) is tried again by the next write
      throw error;
    },
  ));

export const withWrites = <T>(run: (writes: typeof Writes) => Promise<T>): Promise<T> =>
  loaded ? run(loaded) : preloadWrites().then(run);
