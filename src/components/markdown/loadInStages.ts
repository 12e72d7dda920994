/** The browser's idle periods; the current frame painted (the review's writes wait for it too). */
export { afterPaint, idlePeriod } from '../../state/afterPaint';

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
