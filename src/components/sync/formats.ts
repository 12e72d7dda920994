import { checkFormat, withFormat } from '../../domain/sync/format';
import type { CouchDatabase } from './couch';

/**
 * The kinds a pull gets and applies page by page (`docs`). Other documents in the feed (field
 * documents, deck chunks) are only noted there and read by id when used, and checked then: a
 * newer settings document stops the settings, not the reviews.
 */
const FEED_KINDS = new Set(['reviews', 'undone']);

/**
 * The server as the sync engine sees it: every document it uses is checked against the formats
 * this app knows (a newer one throws NewerFormatError before anything of it is used: a page of
 * the changes feed is then neither applied nor passed), and every document written says its format.
 */
export function checkingFormats(remote: CouchDatabase): CouchDatabase {
  const checked = <T>(doc: T): T => {
    checkFormat(doc);
    return doc;
  };
  return {
    ...remote,
    get: async (id) => checked(await remote.get(id)),
    find: async (id) => checked(await remote.find(id)),
    docs: async (ids) => {
      const docs = await remote.docs(ids);
      for (const doc of docs)
        if (FEED_KINDS.has((doc as { kind?: string } | undefined)?.kind ?? '')) checkFormat(doc);
      return docs;
    },
    create: (doc) => remote.create(withFormat(doc)),
    update: (doc) => remote.update(withFormat(doc)),
  };
}
