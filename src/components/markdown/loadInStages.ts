/** A later idle moment; the current frame painted (the review's writes wait for these too). */
export { afterPaint, nextIdle } from '../../state/afterPaint';

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
