import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './yieldAfterReact';
import { createAppDb } from '../storage/appDb';
import { App } from './App';
import type * as AfterBoot from './afterBoot';
import { boot } from './boot';
import './styles.css';

// None of what starts after boot (the service worker, upkeep, sync) is needed for the first card:
// its code loads when the browser is next idle, so it is not part of the first download.
// Idle moments come while the first screen still waits for its data, so it also waits 2 s.
let loading: Promise<typeof AfterBoot> | null = null;
const later = () =>
  (loading ??= new Promise<typeof AfterBoot>((resolve, reject) => {
    const load = () => void import('./afterBoot').then(resolve, reject);
    setTimeout(() => {
      if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 2000 });
      else load();
    }, 2000);
  }));

const db = createAppDb();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App db={db} />
  </StrictMode>,
);
void boot(db)
  .then(later)
  .then((m) => m.afterBoot(db));
// Registered even if boot never finishes: a waiting update may be what fixes the app. The page may
// have loaded already: this module's code runs a task after the browser evaluated it (yieldAfterReact).
const register = () => void later().then((m) => m.registerServiceWorker());
if (document.readyState === 'complete') register();
else addEventListener('load', register, { once: true });
