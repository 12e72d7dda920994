import { execSync } from 'node:child_process';
import { createServer } from 'node:net';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { startCouchTestServer } from '../../scripts/couch-test-server.mjs';

const OUT = process.env.E2E_OUT_DIR ?? 'dist-e2e';

/** A free port, so several e2e runs (or a dev server) can coexist. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Builds the app (with the fixture decks beside the real ones) and serves the build, and starts the
 * CouchDB-protocol server the sync tests use; both are stopped afterwards.
 */
export default async function setup(project: TestProject) {
  execSync('npx vite build --logLevel warn', {
    stdio: 'inherit',
    env: { ...process.env, EXTRA_DECKS_DIR: 'tests/e2e/fixtures/decks', BUILD_OUT_DIR: OUT },
  });
  const port = await freePort();
  const server = await preview({
    build: { outDir: OUT },
    preview: { port, strictPort: true },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0] ?? `http://localhost:${port}/`;
  project.provide('baseUrl', url.replace(/\/$/, ''));
  // In memory and in this process: starting it costs less than a second, and any test may use it.
  const couch = await startCouchTestServer();
  project.provide('couch', { url: couch.url, user: couch.user, password: couch.password });
  return async () => {
    await Promise.all([server.close(), couch.close()]);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The CouchDB-protocol test server (scripts/couch-test-server.mjs), when a sync test runs. */
    couch: { url: string; user: string; password: string };
  }
}
