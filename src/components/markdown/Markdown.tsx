import { lazy, Suspense } from 'react';
import { afterPaint, loadInStages, nextIdle } from './loadInStages';
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

/** Parses texts ahead of time, a chunk per idle slice, so showing them later costs no parsing. */
export async function prerenderMarkdown(texts: string[]): Promise<void> {
  const { parseMarkdown, parseOffThread, parsesOffThread, renderChunks } = await loadRenderer();
  for (const text of texts) {
    for (const chunk of renderChunks(text) ?? []) {
      if (parsesOffThread(chunk)) await parseOffThread(chunk);
      else {
        await nextIdle();
        parseMarkdown(chunk);
      }
    }
  }
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
