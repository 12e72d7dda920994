import { lazy, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import type { Settings } from '../domain/settings/settings';
import { afterPaint } from '../state/afterPaint';
import type WelcomeScreen from '../features/welcome/Welcome';
import { useAppStore } from '../state/appStore';
import { dismiss, isDismissed } from './dismissed';

let loaded: typeof WelcomeScreen | null = null;
const loadWelcome = () =>
  import('../features/welcome/Welcome').then((m) => {
    loaded = m.default;
    return m;
  });
const LazyWelcome = lazy(loadWelcome);
const untouched = (settings: Settings) => Object.keys(settings.roles).length === 0;

/**
 * A welcome never done in this browser makes a first visit likely: boot starts its download as the
 * database opens, instead of once the settings are read. A returning user has it marked done
 * (startWelcomeIfDue), so never downloads it.
 */
export function preloadLikelyWelcome(): void {
  if (location.pathname === '/' && !isDismissed('welcome')) void loadWelcome().catch(() => undefined);
}

let markShown = () => {};
const shown = new Promise<void>((resolve) => (markShown = resolve));
/** Resolves once the welcome has been painted, or after `timeoutMs` (it may never show). */
export const welcomeShown = (timeoutMs = 1000): Promise<void> =>
  Promise.race([shown, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);

/**
 * Boot asks this once the settings are read: on a first visit the welcome's code starts
 * downloading at once, and boot shows the welcome when it has loaded, before the first decks are
 * stored (it needs only the settings and the build's deck titles). Resolves once it has loaded
 * (or failed to: the lazy component then retries and shows the error); null if no welcome is due.
 */
export function startWelcomeIfDue(settings: Settings): Promise<void> | null {
  if (!untouched(settings)) {
    // Roles chosen (here, by a restore or by sync): the welcome is never due again.
    if (!isDismissed('welcome')) dismiss('welcome');
    return null;
  }
  if (location.pathname !== '/' || isDismissed('welcome')) return null;
  return loadWelcome().then(
    () => undefined,
    () => undefined,
  );
}

/**
 * On a first visit (no role ever set, welcome not done), Today opens with the welcome. It loads
 * only then, so returning users never download it. Not loaded yet, it suspends in the screen's
 * boundary (Layout), so Today is not painted first and pushed down when the welcome arrives.
 */
export function WelcomeGate() {
  const { pathname } = useLocation();
  const fresh = useAppStore((s) => untouched(s.settings));
  const [done, setDone] = useState(() => isDismissed('welcome'));
  // Already loaded (boot waited for it): rendered at once, without suspending, so React does not
  // hold it back behind a loading fallback. Chosen once, so the welcome never remounts.
  const [Welcome] = useState(() => loaded ?? LazyWelcome);
  const showing = !done && fresh && pathname === '/';
  useEffect(() => {
    if (showing) void afterPaint().then(markShown);
  }, [showing]);
  if (!showing) return null;
  return (
    <Welcome
      onDone={() => {
        dismiss('welcome');
        setDone(true);
      }}
    />
  );
}
