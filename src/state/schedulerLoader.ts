import { loadOnce } from '../domain/loadOnce';

/**
 * ts-fsrs is needed only once a card is revealed: it loads after the first card is on screen. A
 * failed download (offline, an update swapped the chunks) is tried again at the next rating
 * instead of failing every rating until a reload.
 */
const schedulers = loadOnce(() => import('./schedulers'));
export const loadSchedulers = () => schedulers.load();

/** After the card is painted: the scheduler chunk must not compete with the first card. */
export const whenIdle = (work: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(work, { timeout: 500 })
    : setTimeout(work, 50);
