import type { Root } from 'hast';
import { workerCall } from '../workerCall';
import { parseTree } from './markdownPipeline';

const parsed = new Map<string, Root>();
const CACHE_LIMIT = 300;

const remember = (text: string, tree: Root): Root => {
  if (parsed.size >= CACHE_LIMIT) parsed.delete(parsed.keys().next().value!);
  parsed.set(text, tree);
  return tree;
};

/** The tree of `text` if it has been parsed (and is remembered): using it costs nothing. */
export const parsedTree = (text: string): Root | undefined => parsed.get(text);

/**
 * Parses and typesets `text` on this thread, remembering the tree, so the next card can be
 * prepared while the user is still reading this one. Never throws.
 */
export const parseMarkdown = (text: string): Root => parsed.get(text) ?? remember(text, parseTree(text));

/**
 * Longer chunks are parsed in a worker: a chunk is whole blocks, and a list, quote or table cannot
 * be split, so one can be the whole 20,000-character text; parsing 20,000 characters of a table,
 * a loose list or nested quotes took 65–160 ms of CPU in one task (traced, loaded VM). Up to this
 * length (every chunk of ordinary cards) parsing here takes a few ms and shows without a wait.
 */
const OFF_THREAD_CHARS = 2_000;

/** Settled (rejected) once the worker fails to start: every text is then parsed here. */
let broken = false;
let fail: (error: Error) => void = () => {};
const failure = new Promise<never>((_, reject) => (fail = reject));
failure.catch(() => {});

const callWorker =
  typeof Worker === 'undefined'
    ? null
    : workerCall(() => {
        const worker = new Worker(new URL('./markdown.worker.ts', import.meta.url), { type: 'module' });
        worker.addEventListener('error', () => {
          broken = true;
          fail(new Error('The Markdown worker failed'));
        });
        return worker;
      });

/** Whether `text` is parsed in the worker (where there are workers: not in unit tests). */
export const parsesOffThread = (text: string): boolean =>
  callWorker !== null && !broken && text.length > OFF_THREAD_CHARS && !parsed.has(text);

const pending = new Map<string, Promise<Root>>();

/** Parses `text` in the worker (here if the worker fails), remembering the tree. */
export function parseOffThread(text: string): Promise<Root> {
  const done = parsed.get(text);
  if (done || !callWorker) return Promise.resolve(done ?? parseMarkdown(text));
  let tree = pending.get(text);
  if (!tree) {
    tree = Promise.race([callWorker(text), failure])
      .then((result) => remember(text, result as Root))
      .catch(() => parseMarkdown(text))
      .finally(() => pending.delete(text));
    pending.set(text, tree);
  }
  return tree;
}
