/** The journal's notes in localStorage (reviewJournal.ts): a start looks for them before anything loads. */
export const PREFIX = 'interview-recall:pending-review:';

/** localStorage and sessionStorage, when the browser lets us use them (not in some private modes). */
export function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return globalThis[kind] ?? null;
  } catch {
    return null;
  }
}

/** Notes left by a page that went away before its review committed (replayed by reviewReplay). */
export function pendingReviewKeys(): string[] {
  const local = storage('localStorage');
  const keys: string[] = [];
  try {
    for (let i = 0; local && i < local.length; i++) {
      const key = local.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
  } catch {
    return [];
  }
  return keys;
}
