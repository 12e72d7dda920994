/// <reference lib="webworker" />
import type { WorkboxPlugin } from 'workbox-core/types';
import {
  addPlugins,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
};

/**
 * The app's service worker: it precaches the build (vite-plugin-pwa injects the list), serves app
 * routes with index.html, and waits for the user's `SKIP_WAITING` before a new version takes over.
 * Every same-origin response it serves carries the cross-origin isolation headers, so on a host
 * that cannot send them the page is isolated (and the optimizer runs) from the second load on.
 */
function isolated(response: Response): Response {
  // Opaque responses cannot be read or rebuilt; same-origin ones never are.
  if (response.status === 0) return response;
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  const { status, statusText } = response;
  return new Response(response.body, { status, statusText, headers });
}

const isolate: WorkboxPlugin = { handlerWillRespond: async ({ response }) => isolated(response) };
addPlugins([isolate]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
// The rest of this origin (what is not precached) gets the headers too; other origins, such as
// the user's sync server, are left to the browser.
registerRoute(
  ({ url }) => url.origin === self.location.origin,
  async ({ request }) => isolated(await fetch(request)),
);

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
