import { useAppStore } from '../state/appStore';

/**
 * Registers the app's service worker (src/app/sw.ts: it precaches the app, and skips
 * waiting when sent `SKIP_WAITING`). A new version waits until the user chooses to reload, so an
 * update never interrupts a review in progress. The browser API is used directly: workbox-window
 * would add 2 KB to the JavaScript loaded before the first card.
 */
export function registerServiceWorker(): void {
  // The dev server serves no service worker.
  if (!('serviceWorker' in navigator) || import.meta.env.MODE === 'development') return;
  const container = navigator.serviceWorker;
  const offer = (waiting: ServiceWorker) =>
    useAppStore.getState().setUpdateReady(() => {
      container.addEventListener('controllerchange', () => location.reload(), { once: true });
      waiting.postMessage({ type: 'SKIP_WAITING' });
    });
  const register = () =>
    container
      .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
      .then((registration) => {
        // An update is offered only over a running version; the first install just takes effect.
        if (registration.waiting && container.controller) offer(registration.waiting);
        registration.addEventListener('updatefound', () => {
          const installing = registration.installing;
          installing?.addEventListener('statechange', () => {
            if (installing.state === 'installed' && container.controller) offer(installing);
          });
        });
      })
      .catch((error: unknown) => console.warn('service worker not registered', error));
  // After the page has loaded: precaching every asset must not compete with the first screen.
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
