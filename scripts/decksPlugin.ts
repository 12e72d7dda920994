import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:decks';
const RESOLVED_DECKS = '\0virtual:decks';
/** Only the ids and hashes: tiny, so the main thread can tell whether any deck changed. */
const HASHES = 'virtual:deck-hashes';
const RESOLVED_HASHES = '\0virtual:deck-hashes';
/** Only the ids and titles: the first-visit welcome lists every role before the decks are stored. */
const TITLES = 'virtual:deck-titles';
const RESOLVED_TITLES = '\0virtual:deck-titles';
const RESOLVED: Record<string, string> = {
  [VIRTUAL]: RESOLVED_DECKS,
  [HASHES]: RESOLVED_HASHES,
  [TITLES]: RESOLVED_TITLES,
};

/**
 * `virtual:decks`: one entry per deck file with its content hash and a lazy loader. The app
 * compares hashes with what IndexedDB holds and loads (and validates) only decks that changed,
 * so an unchanged start parses no deck JSON. Each deck becomes its own chunk, precached offline.
 */
export function decksPlugin(dirs: string[]): Plugin {
  return {
    name: 'interview-recall-decks',
    resolveId: (id) => RESOLVED[id],
    load(id) {
      if (!Object.values(RESOLVED).includes(id)) return undefined;
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
            if (id === RESOLVED_TITLES) {
              const { title } = JSON.parse(readFileSync(path, 'utf8')) as { title: unknown };
              return `{ id: ${JSON.stringify(deckId)}, title: ${JSON.stringify(title)} }`;
            }
            return `{ ${head}, file: ${JSON.stringify(file)}, load: () => import(${JSON.stringify(path)}).then((m) => m.default) }`;
          }),
      );
      return `export default [\n${entries.join(',\n')}\n];\n`;
    },
  };
}
