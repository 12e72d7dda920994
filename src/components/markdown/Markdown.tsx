import { lazy, Suspense } from 'react';
import { afterPaint, idlePeriod, loadInStages } from './loadInStages';
import type * as RendererModule from './MarkdownRenderer';

/**
 * The renderer chunk is half a megabyte of JavaScript; evaluating it in one task took 26–45 ms
 * on a 2-core VM, right after the first card shows. Its two largest parts (KaTeX, the highlight
 * grammars) are imported first, so each is evaluated in a task of its own and none comes near
 * 50 ms. Loading starts once the first card is painted (as plain text until then), so the card
 * never waits for it, and runs without idle waits: the card's text is waiting for it.
 */
let renderer: Promise<typeof RendererModule> | null = null;
const loadRenderer = () =>
  (renderer ??= afterPaint().then(() =>
    loadInStages([() => import('katex'), () => import('./highlight')], () => import('./MarkdownRenderer')),
  ));
const MarkdownRenderer = lazy(loadRenderer);

/** Starts loading the Markdown/KaTeX/highlight chunk before it is needed. */
export const preloadMarkdown = () => void loadRenderer();

/** Parsing a chunk of an ordinary card takes 1–3 ms of CPU; one is started only with this much idle time left. */
const SLICE_MS = 4;

/**
 * Parses texts ahead of time, in order, so showing them later costs no parsing: as many chunks as
 * each idle period has room for (at least one), long chunks in the worker. The first texts are
 * the ones wanted first; one chunk an idle callback left a quick reviewer's next card unparsed.
 */
export async function prerenderMarkdown(texts: string[]): Promise<void> {
  const { parseMarkdown, parseOffThread, parsesOffThread, renderChunks } = await loadRenderer();
  const chunks = texts.flatMap((text) => renderChunks(text) ?? []);
  const offThread: Promise<unknown>[] = [];
  for (let i = 0; i < chunks.length;) {
    const idle = await idlePeriod();
    do {
      const chunk = chunks[i++]!;
      if (parsesOffThread(chunk)) offThread.push(parseOffThread(chunk));
      else parseMarkdown(chunk);
    } while (i < chunks.length && idle.timeRemaining() > SLICE_MS);
  }
  await Promise.all(offThread);
}

/** Deck Markdown, rendered safely; plain text shows until the renderer chunk has loaded. */
export function Markdown({ text, lang }: { text: string; lang?: string }) {
  return (
    <div className="md" lang={lang}>
      <Suspense fallback={<p className="md-fallback">{text}</p>}>
        <MarkdownRenderer text={text} />
      </Suspense>
    </div>
  );
}
