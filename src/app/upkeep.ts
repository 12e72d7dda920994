/**
 * Derived data (the per-role state snapshots statistics read, the log blocks export reads) is
 * brought up to date in a worker, but only while the user is idle: its index reads would otherwise
 * compete with review writes. Any input terminates the worker at once (each block or snapshot is
 * written in its own transaction, so stopping mid-way loses nothing) and restarts the idle wait.
 */
const INPUT = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

export function scheduleUpkeep(idleMs = 30_000): void {
  if (typeof Worker === 'undefined') return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let worker: Worker | null = null;
  let pending = true;
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  const start = () => {
    if (!pending || worker || document.hidden) return;
    worker = new Worker(new URL('./upkeep.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ done: boolean; error?: string }>) => {
      if (!event.data.done) console.warn('upkeep failed', event.data.error);
      pending = false;
      stop();
    };
    worker.postMessage(null);
  };
  const restart = () => {
    stop();
    // Whatever the user just did may have changed data: upkeep is due again after the next pause.
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(start, idleMs);
  };
  for (const type of INPUT) addEventListener(type, restart, { capture: true, passive: true });
  restart();
}
