import { databaseUrl, failureOfStatus, type SyncFailure, type SyncServer } from '../../domain/sync/server';

/** A request to the sync server failed; `failure` says why in terms the Sync section words. */
export class SyncError extends Error {
  override name = 'SyncError';
  constructor(
    readonly failure: SyncFailure,
    readonly status?: number,
  ) {
    // Never the URL's credentials or the Authorization header: only what kind of failure it was.
    super(status ? `sync failed: ${failure} (HTTP ${status})` : `sync failed: ${failure}`);
  }
}

export interface Change {
  id: string;
  seq: string | number;
  deleted?: boolean;
}

/** Basic credentials, with a name or password in any script (btoa alone takes Latin-1 only). */
function basic(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/**
 * The few calls of CouchDB's HTTP API the app needs: the database, one document put or got, and
 * the changes feed. Credentials go in the Authorization header of each request, never in a URL
 * and never as a cookie.
 */
export function couchDatabase(server: SyncServer, fetchImpl: typeof fetch = fetch) {
  const base = databaseUrl(server.url);
  const authorization = basic(server.user, server.password);
  const request = async (path: string, init: RequestInit = {}): Promise<Response> => {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        ...init,
        credentials: 'omit',
        cache: 'no-store',
        headers: {
          Authorization: authorization,
          Accept: 'application/json',
          'Content-Type': 'application/json',
        },
      });
    } catch {
      throw new SyncError('unreachable');
    }
    return response;
  };
  const json = async <T>(response: Response): Promise<T> => {
    if (!response.ok) throw new SyncError(failureOfStatus(response.status), response.status);
    // An answer cut off after its headers (the server stopped, the network dropped) is the
    // server being unreachable, not a failure on this device; one that is no JSON is the server's.
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw new SyncError('unreachable');
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new SyncError('server', response.status);
    }
  };
  return {
    /** Checks the database is there and these credentials may read it; creates it if it is missing and they may. */
    async ensure(): Promise<void> {
      const info = await request('');
      if (info.status !== 404) return void (await json(info));
      const created = await request('', { method: 'PUT' });
      if (created.status === 412) return; // created meanwhile by another device
      if (!created.ok)
        throw new SyncError(created.status === 401 ? 'credentials' : 'noDatabase', created.status);
    },
    /** Writes a new document; false when one with its id is already there (written before). */
    async create(doc: { _id: string }): Promise<boolean> {
      const response = await request(`/${encodeURIComponent(doc._id)}`, {
        method: 'PUT',
        body: JSON.stringify(doc),
      });
      if (response.status === 409) return false;
      await json(response);
      return true;
    },
    get: async (id: string): Promise<unknown> => json(await request(`/${encodeURIComponent(id)}`)),
    /** A document, or null when there is none. */
    async find(id: string): Promise<{ _rev: string } | null> {
      const response = await request(`/${encodeURIComponent(id)}`);
      return response.status === 404 ? null : json<{ _rev: string }>(response);
    },
    /** Writes a document over revision `_rev` (absent: a new one); false when another write came first. */
    async update(doc: { _id: string; _rev?: string }): Promise<boolean> {
      const response = await request(`/${encodeURIComponent(doc._id)}`, {
        method: 'PUT',
        body: JSON.stringify(doc),
      });
      if (response.status === 409) return false;
      await json(response);
      return true;
    },
    /** Deletes the documents of `ids` that are there (one request to find their revisions, one to delete). */
    async removeAll(ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      const { rows } = await json<{ rows: { id?: string; value?: { rev: string; deleted?: boolean } }[] }>(
        await request('/_all_docs', { method: 'POST', body: JSON.stringify({ keys: ids }) }),
      );
      const docs = rows.flatMap((r) =>
        r.id && r.value && !r.value.deleted ? [{ _id: r.id, _rev: r.value.rev, _deleted: true }] : [],
      );
      if (docs.length)
        await json(await request('/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs }) }));
    },
    /**
     * Up to `limit` changes after `since`, ids only: the documents a pull uses are got with `docs`,
     * so its own batches, deck chunks and field documents are never downloaded with the feed.
     */
    changes: async (since: string, limit: number) =>
      json<{ results: Change[]; last_seq: string | number; pending?: number }>(
        await request(`/_changes?since=${encodeURIComponent(since)}&limit=${limit}`),
      ),
    /** The documents of `ids` that are there (not deleted), in one request. */
    async docs(ids: readonly string[]): Promise<unknown[]> {
      if (ids.length === 0) return [];
      const { rows } = await json<{ rows: { doc?: unknown }[] }>(
        await request('/_all_docs?include_docs=true', {
          method: 'POST',
          body: JSON.stringify({ keys: ids }),
        }),
      );
      return rows.flatMap((r) => (r.doc ? [r.doc] : []));
    },
  };
}

export type CouchDatabase = ReturnType<typeof couchDatabase>;
