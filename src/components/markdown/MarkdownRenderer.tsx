import { Fragment, memo, useEffect, useState, type ReactElement } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import 'katex/dist/katex.min.css';
import './markdown.css';
import { RENDER_LIMITS, markdownChunks, markdownOverLimit } from '../../domain/import/markdownLimits';
import { rehypeHighlightCode } from './highlight';
import { katexElement, rehypeKatexHtml } from './katexHtml';
import { rehypeRawAsText } from './rawAsText';
import { safeUrl } from './safeUrl';

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // Remote images would break offline and can track readers: show the alt text instead.
  img: ({ alt }) => <span className="md-image-alt">{alt ? `[${alt}]` : ''}</span>,
  span: (props) => katexElement('span', props),
  div: (props) => katexElement('div', props),
};

/** KaTeX caps sizes (`\rule{5000em}{5000em}`) at 20 em and stops macros that expand without end. */
export const katexOptions = { throwOnError: false, strict: false, trust: false, maxSize: 20, maxExpand: 500 };

const rehypePlugins = [rehypeRawAsText, [rehypeKatexHtml, katexOptions], rehypeHighlightCode] as const;

const remarkPlugins = [remarkGfm, remarkCjkFriendly, remarkMath];
const rendered = new Map<string, ReactElement>();
const CACHE_LIMIT = 300;

const plain = (text: string) => <pre className="md-plain">{text}</pre>;

/**
 * Parses and typesets `text` into a React tree, remembering the result: react-markdown's
 * `Markdown` is a plain synchronous function, so the next card can be prepared while the user
 * is still reading this one, and showing it is then only React's reconciliation. Never throws:
 * a text the parser cannot take is shown as plain text.
 */
export function renderMarkdown(text: string): ReactElement {
  let tree = rendered.get(text);
  if (!tree) {
    try {
      tree = ReactMarkdown({
        children: text,
        remarkPlugins,
        rehypePlugins: rehypePlugins as never,
        components,
        urlTransform: safeUrl,
      }) as ReactElement;
    } catch {
      tree = plain(text);
    }
    if (rendered.size >= CACHE_LIMIT) rendered.delete(rendered.keys().next().value!);
    rendered.set(text, tree);
  }
  return tree;
}

/**
 * A text as the chunks it is rendered in, one per task; a text over the Markdown limits (which
 * the import refuses: see markdownLimits) is one plain chunk.
 */
export function renderChunks(text: string): string[] | null {
  return markdownOverLimit(text, RENDER_LIMITS) ? null : markdownChunks(text);
}

/** The next frame, then a task: a chunk's layout (KaTeX's is most of it) gets a frame of its own. */
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
 * The heavy renderer: Markdown + GFM + KaTeX + highlighting. Load it through <Markdown>. A long
 * text appears a chunk of blocks a frame, each chunk rendered (unless prerendered) and laid out in
 * tasks of its own: showing a prerendered 200-formula answer at once made one layout of it all.
 */
export default memo(function MarkdownRenderer({ text }: { text: string }) {
  const chunks = renderChunks(text);
  const [progress, setProgress] = useState({ text, shown: 1 });
  const shown = progress.text === text ? progress.shown : 1;
  const total = chunks?.length ?? 0;
  useEffect(() => {
    if (shown >= total) return;
    return afterNextFrame(() => setProgress({ text, shown: shown + 1 }));
  }, [text, shown, total]);
  if (!chunks) return plain(text);
  if (chunks.length === 1) return renderMarkdown(text);
  return (
    <>
      {chunks.slice(0, shown).map((chunk, i) => (
        <Fragment key={i}>{renderMarkdown(chunk)}</Fragment>
      ))}
    </>
  );
});
