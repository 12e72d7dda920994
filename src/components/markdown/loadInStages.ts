/** Resolves in a later task, when the browser is idle (or after at most `timeout` ms). */
export const nextIdle = (timeout = 500): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 0);
  });

/** Resolves once the current frame has been painted (the review's writes wait for it too). */
export { afterPaint } from '../../state/afterPaint';

/**
 * Imports `stages` one after another, then `last`. A large lazy chunk whose biggest dependencies
 * are split out and imported first this way is evaluated in several tasks instead of one long
 * one: each dynamic import is fetched, then evaluated in a task of its own.
 */
export async function loadInStages<T>(
  stages: readonly (() => Promise<unknown>)[],
  last: () => Promise<T>,
): Promise<T> {
  for (const stage of stages) await stage();
  return last();
}
