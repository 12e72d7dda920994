import { Fragment, memo, useEffect, useState } from 'react';
import 'katex/dist/katex.min.css';
import './markdown.css';
import { RENDER_LIMITS, markdownChunks, markdownOverLimit } from '../../domain/import/markdownLimits';
import { plainTree } from './markdownPipeline';
import { parseMarkdown, parseOffThread, parsedTree, parsesOffThread } from './parseMarkdown';
import { reveal } from './revealHast';

export { parseMarkdown, parseOffThread, parsesOffThread } from './parseMarkdown';

/**
 * A text as the chunks it is parsed in; a text over the Markdown limits (which the import
 * refuses: see markdownLimits) is null, shown as plain text.
 */
export function renderChunks(text: string): string[] | null {
  return markdownOverLimit(text, RENDER_LIMITS) ? null : markdownChunks(text);
}

/**
 * Elements (see revealHast's costOf) added to the page a task: about 6 formulas, or a table's
 * 60 cells. Ordinary cards are below it and show whole at once.
 */
export const REVEAL_STEP = 600;

/** The next frame, then a task: what a task added gets a frame of its own to be laid out. */
function afterNextFrame(work: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(work, 16);
    return () => clearTimeout(timer);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(work, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * The heavy renderer: Markdown + GFM + KaTeX + highlighting. Load it through <Markdown>. A text is
 * parsed a chunk of blocks at a time, long chunks in a worker and at most one other chunk a task
 * on this thread; the page then gets about REVEAL_STEP more of its elements a frame, so that no
 * task parses, commits or lays out all of a long list, table or paragraph of formulas.
 */
export default memo(function MarkdownRenderer({ text }: { text: string }) {
  const chunks = renderChunks(text);
  const [progress, setProgress] = useState({ text, budget: REVEAL_STEP });
  const [, setParsed] = useState(0);
  const budget = progress.text === text ? progress.budget : REVEAL_STEP;
  const parts = [];
  let used = 0;
  let done = true;
  let waiting: string | null = null;
  let parsing = 0;
  for (const [i, chunk] of (chunks ?? [text]).entries()) {
    let tree = chunks ? parsedTree(chunk) : plainTree(text);
    if (!tree && parsesOffThread(chunk)) waiting = chunk;
    else if (!tree && parsing++ === 0) tree = parseMarkdown(chunk);
    if (!tree || used >= budget) {
      done = false;
      break;
    }
    const part = reveal(tree, budget - used);
    parts.push(<Fragment key={i}>{part.element}</Fragment>);
    used += part.cost;
    if (!part.whole) {
      done = false;
      break;
    }
  }
  useEffect(() => {
    if (!waiting) return;
    let live = true;
    void parseOffThread(waiting).then(() => live && setParsed((n) => n + 1));
    return () => void (live = false);
  }, [waiting]);
  useEffect(() => {
    if (done || waiting) return;
    return afterNextFrame(() => setProgress({ text, budget: used + REVEAL_STEP }));
  }, [text, used, done, waiting]);
  // Until its first chunk is parsed, the text shows as it is (as while this renderer loads).
  if (parts.length === 0) return <p className="md-fallback">{text}</p>;
  return <>{parts}</>;
});
