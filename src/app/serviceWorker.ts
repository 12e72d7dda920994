import { registerSW } from 'virtual:pwa-register';
import { useAppStore } from '../state/appStore';

/**
 * The new service worker waits until the user chooses to reload, so an update never
 * interrupts a review in progress.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    onNeedRefresh: () => useAppStore.getState().setUpdateReady(() => void update(true)),
  });
}
