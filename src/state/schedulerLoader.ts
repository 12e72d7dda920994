import type * as SchedulersModule from './schedulers';

/** ts-fsrs is needed only once a card is revealed: it loads after the first card is on screen. */
let schedulers: Promise<typeof SchedulersModule> | null = null;
export const loadSchedulers = () => (schedulers ??= import('./schedulers'));

/** After the card is painted: the scheduler chunk must not compete with the first card. */
export const whenIdle = (work: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(work, { timeout: 500 })
    : setTimeout(work, 50);
