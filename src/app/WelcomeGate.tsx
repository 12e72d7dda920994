import { lazy, useState } from 'react';
import { useLocation } from 'react-router';
import type { Settings } from '../domain/settings/settings';
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
 * Boot asks this once the settings are read: on a first visit the welcome's code starts
 * downloading at once, and boot shows the welcome when it has loaded, before the first decks are
 * stored (it needs only the settings and the build's deck titles). Resolves once it has loaded
 * (or failed to: the lazy component then retries and shows the error); null if no welcome is due.
 */
export function startWelcomeIfDue(settings: Settings): Promise<void> | null {
  if (!untouched(settings) || location.pathname !== '/' || isDismissed('welcome')) return null;
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
  if (done || !fresh || pathname !== '/') return null;
  return (
    <Welcome
      onDone={() => {
        dismiss('welcome');
        setDone(true);
      }}
    />
  );
}
