// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NewerFormatError } from '../../domain/sync/format';
import type { CouchDatabase } from './couch';
import { checkingFormats } from './formats';

const newer = { _id: 'reviews:newer:0000000001', kind: 'reviews', format: 2, fields: [], rows: [] };

/** A server holding `docs`, recording what is written to it. */
function fakeServer(docs: Record<string, unknown>) {
  const written: unknown[] = [];
  const remote = {
    ensure: async () => {},
    create: async (doc: { _id: string }) => (written.push(doc), true),
    update: async (doc: { _id: string }) => (written.push(doc), true),
    get: async (id: string) => docs[id],
    find: async (id: string) => (docs[id] as { _rev: string }) ?? null,
    changes: async () => ({
      results: Object.keys(docs).map((id, i) => ({ id, seq: i + 1 })),
      last_seq: Object.keys(docs).length,
    }),
    docs: async (ids: string[]) => ids.map((id) => docs[id]),
  } as unknown as CouchDatabase;
  return { remote: checkingFormats(remote), written };
}

describe('the server as the sync engine sees it', () => {
  it('refuses the documents of a page of the changes feed, a document got or found, that a newer app wrote', async () => {
    const { remote } = fakeServer({
      'reviews:old:0000000001': { kind: 'reviews', format: 1 },
      [newer._id]: newer,
    });
    const { results } = await remote.changes('0', 20);
    await expect(remote.docs(results.map((c) => c.id))).rejects.toThrow(NewerFormatError);
    await expect(remote.get(newer._id)).rejects.toThrow(NewerFormatError);
    await expect(remote.find(newer._id)).rejects.toThrow(NewerFormatError);
    expect(await remote.find('reviews:old:0000000001')).toEqual({ kind: 'reviews', format: 1 });
  });

  it('lets the changes feed pass a newer field document, which stops only where it is read', async () => {
    const settings = { _id: 'fields:settings', kind: 'fields', format: 2, fields: {} };
    const { remote } = fakeServer({
      'reviews:old:0000000001': { kind: 'reviews', format: 1 },
      [settings._id]: settings,
    });
    const { results } = await remote.changes('0', 20);
    expect(await remote.docs(results.map((c) => c.id))).toHaveLength(2);
    await expect(remote.find(settings._id)).rejects.toThrow(NewerFormatError);
  });

  it('writes every document with its format', async () => {
    const { remote, written } = fakeServer({});
    await remote.update({ _id: 'fields:settings', kind: 'fields', fields: {} } as { _id: string });
    await remote.create({ _id: 'undone:r1', kind: 'undone', review: 'r1' } as { _id: string });
    expect(written).toEqual([
      { _id: 'fields:settings', kind: 'fields', fields: {}, format: 1 },
      { _id: 'undone:r1', kind: 'undone', review: 'r1', format: 1 },
    ]);
  });
});
