/**
 * Whether this device syncs, readable at start without loading sync or opening its database:
 * until the user sets sync up, nothing of it runs and nothing leaves the device.
 */
const ON_KEY = 'interview-recall:sync-on';

export function syncIsOn(): boolean {
  try {
    return localStorage.getItem(ON_KEY) === '1';
  } catch {
    return false;
  }
}

export function setSyncOn(on: boolean): void {
  try {
    if (on) localStorage.setItem(ON_KEY, '1');
    else localStorage.removeItem(ON_KEY);
  } catch {
    // No storage (a private window): sync then starts when the Sync section opens.
  }
}
