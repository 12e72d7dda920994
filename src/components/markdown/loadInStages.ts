/** Resolves in a later task, when the browser is idle (or after at most `timeout` ms). */
export const nextIdle = (timeout = 500): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 0);
  });

/**
 * Imports `stages` one after another, each evaluated in its own idle task, then `last`: a large
 * lazy chunk whose dependencies are split out this way never costs one long task.
 */
export async function loadInStages<T>(
  stages: readonly (() => Promise<unknown>)[],
  last: () => Promise<T>,
): Promise<T> {
  for (const stage of stages) {
    await nextIdle();
    await stage();
  }
  await nextIdle();
  return last();
}
