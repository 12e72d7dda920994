import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:decks';
const RESOLVED = '\0virtual:decks';
/** Only the ids and hashes: tiny, so the main thread can tell whether any deck changed. */
const HASHES = 'virtual:deck-hashes';
const RESOLVED_HASHES = '\0virtual:deck-hashes';

/**
 * `virtual:decks`: one entry per deck file with its content hash and a lazy loader. The app
 * compares hashes with what IndexedDB holds and loads (and validates) only decks that changed,
 * so an unchanged start parses no deck JSON. Each deck becomes its own chunk, precached offline.
 */
export function decksPlugin(dirs: string[]): Plugin {
  return {
    name: 'interview-recall-decks',
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : id === HASHES ? RESOLVED_HASHES : undefined),
    load(id) {
      if (id !== RESOLVED && id !== RESOLVED_HASHES) return undefined;
      const entries = dirs.flatMap((dir) =>
        readdirSync(dir)
          .filter((f) => f.endsWith('.json') && f !== 'deck.schema.json')
          .sort()
          .map((f) => {
            const path = resolve(dir, f);
            this.addWatchFile(path);
            const hash = createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
            const deckId = f.replace(/\.json$/, '');
            const file = join('decks', f);
            const head = `id: ${JSON.stringify(deckId)}, hash: ${JSON.stringify(hash)}`;
            if (id === RESOLVED_HASHES) return `{ ${head} }`;
            return `{ ${head}, file: ${JSON.stringify(file)}, load: () => import(${JSON.stringify(path)}).then((m) => m.default) }`;
          }),
      );
      return `export default [\n${entries.join(',\n')}\n];\n`;
    },
  };
}
