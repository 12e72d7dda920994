import { lazy, type ComponentType } from 'react';

/**
 * A module of components not needed for the first paint: `preload()` starts loading it (say, once
 * the first card is on screen), and its components render at once when it has loaded, or suspend
 * until it has (wrap them in a Suspense boundary) when asked for sooner.
 */
export function preloadable<M>(load: () => Promise<M>) {
  let loaded: M | null = null;
  let pending: Promise<M> | null = null;
  const preload = (): Promise<M> =>
    (pending ??= load().then(
      (m) => (loaded = m),
      (error: unknown) => {
        pending = null; // tried again by the next render
        throw error;
      },
    ));
  const component = <P extends object>(pick: (m: M) => ComponentType<P>): ComponentType<P> => {
    const Lazy = lazy(() => preload().then((m) => ({ default: pick(m) })));
    return function Preloaded(props: P) {
      const Loaded = loaded ? pick(loaded) : null;
      return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
    };
  };
  return { preload, component };
}
