import { loadOnce } from '../domain/loadOnce';
import type * as Writes from './writes';

/*
 * The code that writes reviews and card actions is not needed to show the first card: it loads
 * right after (preloadWrites), and a write waits for it only if it is asked for before that. Once
 * loaded, a write starts synchronously, in the task of the key press that asked for it.
 */
const writes = loadOnce(() => import('./writes'));

export const preloadWrites = writes.load;

export const withWrites = <T>(run: (w: typeof Writes) => Promise<T>): Promise<T> => {
  const loaded = writes.loaded();
  return loaded ? run(loaded) : writes.load().then(run);
};
