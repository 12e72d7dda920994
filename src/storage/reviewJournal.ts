import type { ReviewLog, SchedState } from '../domain/scheduling/types';
import type { AppDb } from './db';
import { PREFIX, storage } from './journalKeys';
import { CardChangedError } from './cardChanges';
import { recordReview } from './reviewWrites';

export { pendingReviewKeys, PREFIX, storage } from './journalKeys';

/**
 * A write-ahead journal of ratings. IndexedDB commits a review some milliseconds after the key
 * press, and a reload or a closed tab in that window used to lose it. The rating is first noted
 * in localStorage, synchronously, in the task of the key press; the note is removed once the
 * review commits, and a note still there at the next start is written then: from the stored
 * state only if that is still the state the review was computed from, and once only (the log's id
 * is its key).
 */
const TAB_KEY = 'interview-recall:tab';
/** Without Web Locks: a note another tab left this long ago is not that tab's write in flight. */
export const STALE_MS = 5_000;

export interface JournalEntry {
  next: SchedState;
  log: ReviewLog;
  previous: SchedState;
  tab: string;
  at: number;
}

/** This tab's id: sessionStorage keeps it across a reload of the tab, not into other tabs. */
export function tabId(): string {
  const session = storage('sessionStorage');
  try {
    const known = session?.getItem(TAB_KEY);
    if (known) return known;
    const id = crypto.randomUUID();
    session?.setItem(TAB_KEY, id);
    return id;
  } catch {
    return 'unknown';
  }
}

const LOCK_PREFIX = 'interview-recall:tab:';
let lockHeld = false;

/**
 * While the tab lives it holds a Web Lock named after it, so a start in another tab can tell its
 * notes (still being written) from those of a tab that is gone.
 */
function holdTabLock(id: string): void {
  if (lockHeld || typeof navigator === 'undefined' || !navigator.locks) return;
  lockHeld = true;
  void navigator.locks.request(LOCK_PREFIX + id, () => new Promise<never>(() => {})).catch(() => {});
}

/** Ids of the tabs alive now, or null when the browser cannot tell (no Web Locks). */
export async function liveTabs(): Promise<Set<string> | null> {
  if (typeof navigator === 'undefined' || !navigator.locks) return null;
  try {
    const { held = [] } = await navigator.locks.query();
    const names = held.map((lock) => lock.name ?? '').filter((name) => name.startsWith(LOCK_PREFIX));
    return new Set(names.map((name) => name.slice(LOCK_PREFIX.length)));
  } catch {
    return null;
  }
}

let leaving = false;
if (typeof addEventListener === 'function') addEventListener('pagehide', () => (leaving = true));

export function forget(key: string): void {
  try {
    storage('localStorage')?.removeItem(key);
  } catch {
    // Nothing to do: the note is refused on replay once the review is stored.
  }
}

/**
 * Records a review (see recordReview) behind a journal note. A review refused or failed while the
 * page stays open is forgotten: the review screen puts the card back and says why. One failed
 * because the page is going away stays noted, for the next start. The note is written at once;
 * the transaction starts when `ready` settles (the review screen lets the next card be painted
 * first), and a page that goes away before then leaves the note for the next start.
 */
export async function journaledReview(
  db: AppDb,
  next: SchedState,
  log: ReviewLog,
  previous: SchedState,
  now: number,
  ready?: Promise<unknown>,
): Promise<void> {
  const key = PREFIX + log.id;
  try {
    const tab = tabId();
    holdTabLock(tab);
    const entry: JournalEntry = { next, log, previous, tab, at: now };
    storage('localStorage')?.setItem(key, JSON.stringify(entry));
  } catch {
    // Storage full or unavailable: the review is still written, only without its safety net.
  }
  try {
    if (ready) await ready;
    await recordReview(db, next, log, previous);
  } catch (error) {
    if (!leaving || error instanceof CardChangedError) forget(key);
    throw error;
  }
  forget(key);
}
