import { Suspense } from 'react';
import { useLocation } from 'react-router';
import { preloadable } from '../components/preloadable';
import { useAppStore } from '../state/appStore';

const banners = preloadable(() => import('./Banners'));
const Banners = banners.component((m) => m.Banners);
const DeckProblems = banners.component((m) => m.DeckProblems);
const reviewingAt = (pathname: string) => pathname === '/review' || pathname.startsWith('/review/');

// Off the review screen a notice may show with the first screen: its code starts loading with the
// app's, and boot waits for it (bannersLoaded), so it never arrives after the screen and pushes it down.
const starting =
  typeof location !== 'undefined' && !reviewingAt(location.pathname)
    ? banners.preload().then(
        () => undefined,
        () => undefined, // shown (or its failure) by the boundary when rendered
      )
    : Promise.resolve();
export const bannersLoaded = (): Promise<void> => starting;

/**
 * The app-wide notices (Banners.tsx) load only where one can show: while reviewing, none does
 * unless an update waits, so the first card's download does
 * not carry them.
 */
export function BannersGate() {
  const { pathname } = useLocation();
  // (The refused-storage notice shows on Today only.)
  const pending = useAppStore((s) => s.updateReady !== null);
  if (reviewingAt(pathname) && !pending) return null;
  return (
    <Suspense fallback={null}>
      <Banners />
    </Suspense>
  );
}

/** Bundled decks that failed to load, below the screen (Banners.tsx says why); loaded only then. */
export function DeckProblemsGate() {
  const failed = useAppStore((s) => s.deckProblems.length > 0);
  if (!failed) return null;
  return (
    <Suspense fallback={null}>
      <DeckProblems />
    </Suspense>
  );
}
