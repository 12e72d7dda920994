import { lazy, type ComponentType } from 'react';
import { loadOnce } from '../domain/loadOnce';

/**
 * A module of components not needed for the first paint: `preload()` starts loading it (say, once
 * the first card is on screen), and its components render at once when it has loaded, or suspend
 * until it has (wrap them in a Suspense boundary) when asked for sooner.
 */
export function preloadable<M>(load: () => Promise<M>) {
  const module = loadOnce(load);
  const component = <P extends object>(pick: (m: M) => ComponentType<P>): ComponentType<P> => {
    const Lazy = lazy(() => module.load().then((m) => ({ default: pick(m) })));
    return function Preloaded(props: P) {
      const loaded = module.loaded();
      const Loaded = loaded ? pick(loaded) : null;
      return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
    };
  };
  return { preload: module.load, component };
}
