import { lazy, useState } from 'react';
import { useLocation } from 'react-router';
import { useAppStore } from '../state/appStore';
import { dismiss, isDismissed } from './dismissed';

const Welcome = lazy(() => import('../features/welcome/Welcome'));

/**
 * On a first visit (no role ever set, welcome not done), Today opens with the welcome. It loads
 * only then, so returning users never download it. It suspends in the screen's boundary (Layout),
 * so Today is not painted first and pushed down when the welcome arrives.
 */
export function WelcomeGate() {
  const { pathname } = useLocation();
  const untouched = useAppStore((s) => Object.keys(s.settings.roles).length === 0);
  const [done, setDone] = useState(() => isDismissed('welcome'));
  if (done || !untouched || pathname !== '/') return null;
  return (
    <Welcome
      onDone={() => {
        dismiss('welcome');
        setDone(true);
      }}
    />
  );
}
