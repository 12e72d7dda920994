import { useEffect, useState, type ComponentType } from 'react';
import { useT } from '../components/useT';
import { loadOnce } from '../domain/loadOnce';

/**
 * A screen whose code loads on demand, shown without suspending: 'Loading…' until its module is
 * in, then the screen, rendered by a state update. `lazy` would suspend instead, and when the
 * layout's boundary is already showing its fallback (the app was opened at a screen whose own code
 * is still loading, and the user moves on at once), React reveals the screen no sooner than 300 ms
 * after that fallback (its fallback throttle), however early the code arrived. `start` runs
 * beside the download (the statistics worker starts then). A failed download is thrown during
 * render, so the screen's error boundary shows it as it would from `lazy`.
 */
export function loadedScreen(
  load: () => Promise<{ default: ComponentType }>,
  start?: () => void,
): ComponentType {
  // A failed download is tried again on the next visit.
  const screenCode = loadOnce(() => {
    start?.();
    return load().then((m) => m.default);
  });
  const begin = screenCode.load;
  return function LoadedScreen() {
    const { t } = useT();
    const loaded = screenCode.loaded();
    // Requested while rendering, as `lazy` does: the download starts with the navigation.
    if (!loaded) void begin().catch(() => undefined);
    const [screen, setScreen] = useState<{ Screen: ComponentType } | { error: unknown } | null>(() =>
      loaded ? { Screen: loaded } : null,
    );
    useEffect(() => {
      if (screen) return;
      let live = true;
      begin().then(
        (Screen) => live && setScreen({ Screen }),
        (error: unknown) => live && setScreen({ error }),
      );
      return () => {
        live = false;
      };
    }, [screen]);
    if (!screen) return <p>{t('common.loading')}</p>;
    if ('error' in screen) throw screen.error;
    return <screen.Screen />;
  };
}
