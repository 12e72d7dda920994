/**
 * The browser's next idle period (or, after at most `timeout` ms, a timed-out one); where there
 * are no idle callbacks, a later task whose deadline is already over.
 */
export const idlePeriod = (timeout = 500): Promise<IdleDeadline> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(resolve, { timeout });
    else setTimeout(() => resolve({ didTimeout: true, timeRemaining: () => 0 }), 0);
  });

/**
 * Resolves once the browser has painted the current frame (a task after the next animation
 * frame), so work started then does not hold back what the user is waiting to see. A hidden page
 * paints no frames: it resolves at once there, and after 100 ms whatever happens.
 */
export const afterPaint = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || document.hidden) return resolve();
    setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
