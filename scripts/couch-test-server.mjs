import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * A CouchDB-protocol server for the sync tests: express-pouchdb over in-memory PouchDB (no native
 * build, nothing written to disk but its log). In front of it, what a CouchDB set up for the app
 * does: CORS for any origin, and every request refused with 401 unless it carries the one
 * user's Basic credentials (CouchDB's `require_valid_user`).
 */
export async function startCouchTestServer({ port = 0, user = 'sync', password = 'secret' } = {}) {
  const MemoryPouch = PouchDB.plugin(memory).plugin(mapreduce).defaults({ adapter: 'memory' });
  const app = express();
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  app.use((req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept');
    res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE, HEAD, OPTIONS');
    // The app is cross-origin isolated (COEP require-corp): responses it reads must say it may.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    if (req.method === 'OPTIONS') return res.status(204).end();
    if (req.headers.authorization !== expected)
      return res.status(401).json({ error: 'unauthorized', reason: 'Name or password is incorrect.' });
    next();
  });
  const logDir = mkdtempSync(join(tmpdir(), 'couch-test-'));
  app.use(
    expressPouchDB(MemoryPouch, {
      mode: 'minimumForPouchDB',
      inMemoryConfig: true,
      logPath: join(logDir, 'log.txt'),
    }),
  );
  const server = await new Promise((resolve, reject) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    user,
    password,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

// `node scripts/couch-test-server.mjs [port]`: run it by hand, e.g. to try sync in the dev server.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await startCouchTestServer({ port: Number(process.argv[2] ?? 5984) });
  console.log(
    `CouchDB-protocol test server on ${server.url} (user ${server.user}, password ${server.password})`,
  );
}
