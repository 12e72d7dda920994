import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openDb } from '../storage/db';
import { App } from './App';
import { boot } from './boot';
import { registerServiceWorker } from './serviceWorker';
import { startSyncIfOn } from './syncAtStart';
import { scheduleUpkeep } from './upkeep';
import './styles.css';

const db = openDb();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App db={db} />
  </StrictMode>,
);
void boot(db).then(() => {
  scheduleUpkeep();
  startSyncIfOn(db);
});
registerServiceWorker();
