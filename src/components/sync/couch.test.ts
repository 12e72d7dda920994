// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { couchDatabase, SyncError } from './couch';

const server = { url: 'http://localhost:5984/recall', user: 'me', password: 'secret' };

/** A server that answers 200 with `body`, then (if `cut`) drops the connection before the end. */
const answering =
  (body: string, cut: boolean): typeof fetch =>
  async () =>
    new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(body));
          if (cut) controller.error(new TypeError('network error'));
          else controller.close();
        },
      }),
      { status: 200 },
    );

describe('the CouchDB client', () => {
  it('reports an answer cut off after its headers as the server unreachable, not a failure here', async () => {
    const remote = couchDatabase(server, answering('{"results":[{"id":"reviews:a', true));
    await expect(remote.changes('0', 20)).rejects.toEqual(new SyncError('unreachable'));
  });

  it('reports an answer that is not JSON as the server’s failure', async () => {
    const remote = couchDatabase(server, answering('<html>proxy error</html>', false));
    await expect(remote.changes('0', 20)).rejects.toEqual(new SyncError('server', 200));
  });

  it('reads a whole answer', async () => {
    const remote = couchDatabase(server, answering('{"results":[],"last_seq":"7"}', false));
    expect(await remote.changes('0', 20)).toEqual({ results: [], last_seq: '7' });
  });

  it('gets the documents a pull needs in one request, passing over those deleted or missing', async () => {
    const asked: { url: string; body: unknown }[] = [];
    const remote = couchDatabase(server, async (url, init) => {
      asked.push({ url: String(url), body: JSON.parse(String(init?.body)) });
      const rows = [
        { id: 'undone:r1', value: { rev: '1-a' }, doc: { _id: 'undone:r1', kind: 'undone' } },
        { id: 'undone:r2', value: { rev: '2-b', deleted: true }, doc: null },
        { key: 'undone:r3', error: 'not_found' },
      ];
      return new Response(JSON.stringify({ rows }), { status: 200 });
    });
    expect(await remote.docs(['undone:r1', 'undone:r2', 'undone:r3'])).toEqual([
      { _id: 'undone:r1', kind: 'undone' },
    ]);
    expect(asked).toEqual([
      {
        url: 'http://localhost:5984/recall/_all_docs?include_docs=true',
        body: { keys: ['undone:r1', 'undone:r2', 'undone:r3'] },
      },
    ]);
    expect(await remote.docs([])).toEqual([]);
    expect(asked).toHaveLength(1);
  });
});
