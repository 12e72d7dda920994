import { execSync } from 'node:child_process';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

const OUT = 'dist-e2e';

/** Builds the app (with the fixture decks beside the real ones) and serves the build. */
export default async function setup(project: TestProject) {
  execSync('npx vite build --logLevel warn', {
    stdio: 'inherit',
    env: { ...process.env, EXTRA_DECKS_DIR: 'tests/e2e/fixtures/decks', BUILD_OUT_DIR: OUT },
  });
  const server = await preview({
    build: { outDir: OUT },
    preview: { port: 4180, strictPort: true },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0] ?? 'http://localhost:4180/';
  project.provide('baseUrl', url.replace(/\/$/, ''));
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
