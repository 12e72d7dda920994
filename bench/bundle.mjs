import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const gzKb = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** Every JS file the app can load (dist/assets), gzip -9; split into app code and deck chunks. */
export function bundleTotals(dist, decksDir) {
  const deckIds = new Set(readdirSync(decksDir).map((f) => f.replace(/\.json$/, '')));
  const files = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const isDeck = (f) => deckIds.has(f.replace(/-[\w-]{8}\.js$/, ''));
  const sum = (list) => list.reduce((n, f) => n + gzKb(join(dist, 'assets', f)), 0);
  return {
    totalGzKb: sum(files),
    split: {
      appCodeGzKb: Math.round(sum(files.filter((f) => !isDeck(f)))),
      deckChunksGzKb: Math.round(sum(files.filter(isDeck))),
    },
  };
}
