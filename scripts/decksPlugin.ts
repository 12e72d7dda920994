import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:decks';
const RESOLVED = '\0virtual:decks';

/**
 * `virtual:decks`: one entry per deck file with its content hash and a lazy loader. The app
 * compares hashes with what IndexedDB holds and loads (and validates) only decks that changed,
 * so an unchanged start parses no deck JSON. Each deck becomes its own chunk, precached offline.
 */
export function decksPlugin(dirs: string[]): Plugin {
  return {
    name: 'interview-recall-decks',
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
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
            return `{ id: ${JSON.stringify(deckId)}, file: ${JSON.stringify(file)}, hash: ${JSON.stringify(hash)}, load: () => import(${JSON.stringify(path)}).then((m) => m.default) }`;
          }),
      );
      return `export default [\n${entries.join(',\n')}\n];\n`;
    },
  };
}
