import { lazy, Suspense } from 'react';
import { useLocation } from 'react-router';
import { useAppStore } from '../state/appStore';

const Banners = lazy(() => import('./Banners').then((m) => ({ default: m.Banners })));
const reviewingAt = (pathname: string) => pathname === '/review' || pathname.startsWith('/review/');

// Off the review screen a backup reminder may show: its code starts loading with the app's, as
// Today's does, so it does not arrive after the screen and push it down.
if (typeof location !== 'undefined' && !reviewingAt(location.pathname)) void import('./Banners');

/**
 * The app-wide notices (Banners.tsx) load only where one can show: while reviewing, none does
 * unless a deck failed, an update waits or storage was refused, so the first card's download does
 * not carry them.
 */
export function BannersGate() {
  const { pathname } = useLocation();
  const pending = useAppStore(
    (s) => s.deckProblems.length > 0 || s.updateReady !== null || s.persist === 'refused',
  );
  if (reviewingAt(pathname) && !pending) return null;
  return (
    <Suspense fallback={null}>
      <Banners />
    </Suspense>
  );
}
