import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
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
    if (crash && crash.match(req)) {
      // The server goes down with this request: handled or not, its answer never leaves.
      const { handled } = crash;
      crash = null;
      void stop(handled ? req.socket : null);
      if (!handled) return req.socket.destroy();
      res.end = () => req.socket.destroy();
    }
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
  const server = createServer(app);
  const listen = (at) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(at, '127.0.0.1', () => {
        server.off('error', reject);
        resolve(server.address().port);
      });
    });
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  /** Stops answering (connections refused, open ones cut but `spared`); the databases stay, as on a restart. */
  const stop = (spared = null) =>
    new Promise((resolve) => {
      if (!server.listening) return resolve();
      for (const socket of sockets) if (socket !== spared) socket.destroy();
      server.close(() => resolve());
    });
  let crash = null;
  const boundPort = await listen(port);
  return {
    url: `http://127.0.0.1:${boundPort}`,
    user,
    password,
    close: () => stop(),
    stop: () => stop(),
    /** Answers again on the same port, with the databases as they were. */
    start: async () => {
      if (!server.listening) await listen(boundPort);
    },
    /**
     * The next request `match` accepts takes the server down: with `handled`, after the database
     * has done what it asked (a write stored) but before its answer leaves, as a crash or a cut
     * connection at that moment would.
     */
    crashOn: (match, { handled = true } = {}) => {
      crash = { match, handled };
    },
  };
}

// `node scripts/couch-test-server.mjs [port]`: run it by hand, e.g. to try sync in the dev server.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await startCouchTestServer({ port: Number(process.argv[2] ?? 5984) });
  console.log(
    `CouchDB-protocol test server on ${server.url} (user ${server.user}, password ${server.password})`,
  );
}
