import type { PersistStatus } from '../state/appStore';

const KEY = 'interview-recall.persist';

/**
 * The browser's last answer to the request for persistent storage, kept in this browser so the
 * notice that depends on it is part of the first screen instead of being inserted above it a moment
 * later, when the answer comes again (it moved the whole screen down on every start).
 */
export function rememberedPersist(): PersistStatus | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'granted' || value === 'refused' || value === 'unsupported' ? value : null;
  } catch {
    return null;
  }
}

export function rememberPersist(status: PersistStatus): void {
  try {
    localStorage.setItem(KEY, status);
  } catch {
    // Storage unavailable: the answer is simply asked for again next time.
  }
}
