/** Where a device syncs to: a CouchDB database URL and the account that may write it. */
export interface SyncServer {
  url: string;
  user: string;
  password: string;
}

export type ServerUrlIssue = 'invalid' | 'insecure' | 'credentialsInUrl' | 'noDatabase';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether `url` may be synced to: a database URL (`https://host/db`), over HTTPS unless the server
 * is this machine, with no name or password inside it (they would show wherever the URL does).
 */
export function serverUrlIssue(url: string): ServerUrlIssue | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return 'invalid';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'invalid';
  if (parsed.username || parsed.password) return 'credentialsInUrl';
  if (parsed.protocol === 'http:' && !LOCAL_HOSTS.has(parsed.hostname)) return 'insecure';
  if (parsed.pathname.replace(/\/+$/, '') === '') return 'noDatabase';
  return null;
}

/** The database URL without a trailing slash, search or fragment. */
export const databaseUrl = (url: string): string => {
  const parsed = new URL(url.trim());
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
};

/** What went wrong, in the words the Sync section shows. */
export type SyncFailure =
  | 'credentials'
  | 'forbidden'
  | 'unreachable'
  | 'noDatabase'
  | 'server'
  | 'local'
  /** Another device wrote data in a format newer than this app knows (format.ts). */
  | 'update';

/** The failure an HTTP status means. */
export function failureOfStatus(status: number): SyncFailure {
  if (status === 401) return 'credentials';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'noDatabase';
  return 'server';
}
