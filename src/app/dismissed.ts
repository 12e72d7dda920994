import { useSyncExternalStore } from 'react';

/**
 * Notices the user has dismissed and the first-visit welcome, remembered in this browser. They
 * are not progress: losing them (a cleared site, a restore elsewhere) only shows a notice again.
 */
const PREFIX = 'interview-recall.dismissed.';

export type Dismissable = 'storageNotice' | 'welcome';

const listeners = new Set<() => void>();

export function isDismissed(what: Dismissable): boolean {
  try {
    return localStorage.getItem(PREFIX + what) !== null;
  } catch {
    return false;
  }
}

export function dismiss(what: Dismissable): void {
  try {
    localStorage.setItem(PREFIX + what, new Date().toISOString());
  } catch {
    // Storage unavailable (private mode): the notice comes back next visit, nothing worse.
  }
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** Whether `what` is dismissed, rendering again when it is (another component may dismiss it). */
export const useDismissed = (what: Dismissable): boolean =>
  useSyncExternalStore(subscribe, () => isDismissed(what));
