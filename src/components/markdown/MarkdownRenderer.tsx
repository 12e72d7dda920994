import { memo, type ReactElement } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import 'katex/dist/katex.min.css';
import { rehypeHighlightCode } from './highlight';
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
};

const rehypePlugins = [
  rehypeRawAsText,
  [rehypeKatex, { throwOnError: false, strict: false, trust: false }],
  rehypeHighlightCode,
] as const;

const remarkPlugins = [remarkGfm, remarkCjkFriendly, remarkMath];
const rendered = new Map<string, ReactElement>();
const CACHE_LIMIT = 300;

/**
 * Parses and typesets `text` into a React tree, remembering the result: react-markdown's
 * `Markdown` is a plain synchronous function, so the next card can be prepared while the user
 * is still reading this one, and showing it is then only React's reconciliation.
 */
export function renderMarkdown(text: string): ReactElement {
  let tree = rendered.get(text);
  if (!tree) {
    tree = ReactMarkdown({
      children: text,
      remarkPlugins,
      rehypePlugins: rehypePlugins as never,
      components,
      urlTransform: safeUrl,
    }) as ReactElement;
    if (rendered.size >= CACHE_LIMIT) rendered.delete(rendered.keys().next().value!);
    rendered.set(text, tree);
  }
  return tree;
}

/** The heavy renderer: Markdown + GFM + KaTeX + highlighting. Load it through <Markdown>. */
export default memo(function MarkdownRenderer({ text }: { text: string }) {
  return renderMarkdown(text);
});
