import { memo } from 'react';
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

/**
 * The heavy renderer: Markdown + GFM + KaTeX + highlighting. Load it through <Markdown>.
 * Memoised: parsing and typesetting run when the text changes, not on every render of the screen.
 */
export default memo(function MarkdownRenderer({ text }: { text: string }) {
  return (
    <ReactMarkdown
      remarkPlugins={[remarkGfm, remarkCjkFriendly, remarkMath]}
      rehypePlugins={rehypePlugins as never}
      components={components}
      urlTransform={safeUrl}
    >
      {text}
    </ReactMarkdown>
  );
});
