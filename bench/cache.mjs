import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * Generating the full collection (1M logs through IndexedDB) takes minutes, so the Chromium
 * profile holding it is kept after the first run of the day and copied for later runs. The key
 * covers everything the collection depends on: size, seed, the generator and the app code it
 * runs, the library versions, the server's origin (IndexedDB is per origin), the browser, and
 * the review day the history ends on. `--fresh` ignores it.
 */
export function profileCache(root, prefix, parts) {
  const key = `${prefix}-${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16)}`;
  const dir = join(root, key);
  return {
    key,
    /** Copies a cached profile into `profile`; returns what was stored with it, or null. */
    restore(profile) {
      if (!existsSync(join(dir, 'meta.json'))) return null;
      cpSync(join(dir, 'profile'), profile, { recursive: true });
      return JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
    },
    /** Keeps a copy of `profile` (the browser must be closed) and drops older entries with the same prefix (size). */
    save(profile, meta) {
      mkdirSync(root, { recursive: true });
      for (const old of readdirSync(root).filter((d) => d.startsWith(`${prefix}-`))) {
        rmSync(join(root, old), { recursive: true, force: true });
      }
      const tmp = `${dir}.tmp`;
      cpSync(profile, join(tmp, 'profile'), { recursive: true });
      writeFileSync(join(tmp, 'meta.json'), JSON.stringify(meta));
      renameSync(tmp, dir);
    },
  };
}

/**
 * What the generated collection depends on: the generator, the app code it runs, the libraries.
 * Not the bundled decks: if they changed, the app's boot syncs them during the untimed first visit.
 */
const SOURCES = [
  'bench/content.ts',
  'bench/history.ts',
  'bench/prng.ts',
  'src/domain/deck/schema.ts',
  'src/domain/deck/syncPlan.ts',
  'src/domain/scheduling/scheduler.ts',
  'src/domain/settings/settings.ts',
  'src/storage/db.ts',
  'src/storage/schema/rows.ts',
  'src/storage/schema/latest.ts',
  'src/storage/schema/versions.ts',
  'src/storage/schema/upgrades.ts',
  'src/storage/openDb.ts',
  'src/storage/deckSync.ts',
  'src/storage/settings.ts',
  // Derived data written while the collection is prepared (snapshots, log blocks, the change log,
  // queue floors).
  'src/storage/changeSequence.ts',
  'src/storage/transactionTurns.ts',
  'src/storage/writeTracker.ts',
  'src/storage/floorTracking.ts',
  'src/storage/queueFloors.ts',
  'src/storage/snapshots/loadSnapshots.ts',
  'src/storage/snapshots/stateSnapshot.ts',
  'src/storage/logBlocks/packLogs.ts',
  'src/storage/logBlocks/refreshLogBlocks.ts',
  'node_modules/ts-fsrs/package.json',
  'node_modules/dexie/package.json',
];

export function sourcesHash(root) {
  const hash = createHash('sha256');
  for (const file of SOURCES) {
    hash.update(file);
    if (existsSync(join(root, file))) hash.update(readFileSync(join(root, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The cache entry of the collection `config` builds for size `size`, served at `url` with the
 * browser `chromium`: the key bench/run.mjs and the phases run alone (bench/syncRun.mjs) share.
 */
export function collectionCache(root, size, config, url, chromium) {
  return profileCache(join(root, 'node_modules/.cache/bench/profiles'), size, {
    config,
    url,
    sources: sourcesHash(root),
    chromium: execSync(`${chromium} --version`, { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim(),
    // The history ends where today's review day starts (rollover at 4:00).
    day: new Date(Date.now() - 4 * 3_600_000).toDateString(),
  });
}

/**
 * The probes' way to a cached collection (bench/probes/*): the newest one of `size`, as its
 * Chromium profile (copy it before use) and the port its IndexedDB belongs to (IndexedDB is per
 * origin, so the app must be served there). Throws when none is cached.
 */
export function cachedCollection(root, size) {
  const profiles = join(root, 'node_modules/.cache/bench/profiles');
  const entry = (existsSync(profiles) ? readdirSync(profiles) : [])
    .filter((d) => d.startsWith(`${size}-`) && !d.endsWith('.tmp'))
    .at(-1);
  if (!entry)
    throw new Error(
      `no cached ${size} collection: run npm run bench (or bench/syncRun.mjs --size ${size}) once`,
    );
  const profile = join(profiles, entry, 'profile');
  const idb = readdirSync(join(profile, 'Default/IndexedDB')).find((d) => d.endsWith('.indexeddb.leveldb'));
  return { profile, port: Number(/_(\d+)\.indexeddb/.exec(idb ?? '')?.[1]) };
}
