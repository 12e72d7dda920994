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
});
