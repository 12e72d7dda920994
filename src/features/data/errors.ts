import type { DataMessageKey } from './messages';

type Kind = 'quota' | 'unreadable' | 'closed' | 'clock' | 'changed' | 'snapshot';

const kinds: [Kind, RegExp][] = [
  ['quota', /QuotaExceeded|quota/i],
  ['unreadable', /NotReadableError|NotFoundError|could not be read/],
  ['closed', /DatabaseClosedError|InvalidStateError|VersionError|connection is closing/i],
  ['clock', /ImplausibleClock/],
  // The data worker's and the snapshot's own failures (worker/jobs.ts, restoreSession.ts, storage/backup).
  ['changed', /file changed after it was checked|file cannot be restored/],
  ['snapshot', /no snapshot to roll back to|snapshot is incomplete/],
];

/** What went wrong, from the error's name, its message or (Dexie) the error it wraps. */
function kindOf(error: unknown): Kind | null {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 3; depth++) {
    if (e instanceof Error || e instanceof DOMException) parts.push(e.name, e.message);
    else parts.push(String(e));
    e = (e as { inner?: unknown }).inner;
  }
  const text = parts.join(' ');
  return kinds.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

const keys: Record<Kind, DataMessageKey> = {
  quota: 'data.error.quota',
  unreadable: 'data.error.unreadable',
  closed: 'data.error.closed',
  clock: 'data.error.clock',
  changed: 'data.error.changed',
  snapshot: 'data.error.snapshot',
};

export const rawReason = (error: unknown): string =>
  error instanceof Error
    ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`
    : String(error);

/**
 * A failure as the user reads it: what happened and what to do, in their language, for the
 * failures a user can do something about (storage full, file unreadable, database closed by an
 * update in another tab, a wrong clock); the raw reason otherwise.
 */
export function failureText(
  error: unknown,
  t: (key: DataMessageKey, vars?: Record<string, string>) => string,
  fallback: DataMessageKey = 'data.failed',
): string {
  const kind = kindOf(error);
  return kind ? t(keys[kind]) : t(fallback, { reason: rawReason(error) });
}
