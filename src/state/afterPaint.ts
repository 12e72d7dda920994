/** Resolves in a later task, when the browser is idle (or after at most `timeout` ms). */
export const nextIdle = (timeout = 500): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 0);
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

/**
 * For work the screen does not wait on, such as the review's transaction: in the task after the
 * paint. Waiting further for an idle moment (as this did) let that work land just before the
 * following frame in about one review in ten, whose next card then took a frame longer: review p95
 * 17-20 ms instead of 9-13 in the bench, unthrottled (it helped only with the CPU slowed 2x).
 */
export const idleAfterPaint = () => afterPaint();
