/**
 * Notices the user has dismissed and the first-visit welcome, remembered in this browser. They
 * are not progress: losing them (a cleared site, a restore elsewhere) only shows a notice again.
 */
const PREFIX = 'interview-recall.dismissed.';

export type Dismissable = 'storageNotice' | 'welcome';

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
}
