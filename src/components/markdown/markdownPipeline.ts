import type { Root } from 'hast';
import { urlAttributes } from 'html-url-attributes';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { rehypeHighlightCode } from './highlight';
import { rehypeKatexHtml } from './katexHtml';
import { rehypeRawAsText } from './rawAsText';
import { safeUrl } from './safeUrl';

/** KaTeX caps sizes (`\rule{5000em}{5000em}`) at 20 em and stops macros that expand without end. */
export const katexOptions = { throwOnError: false, strict: false, trust: false, maxSize: 20, maxExpand: 500 };

/**
 * react-markdown's pipeline, stopped at the HTML syntax tree: the tree is turned into React
 * elements a part at a time (see revealHast), which react-markdown, converting it whole, cannot.
 */
const processor = unified()
  .use(remarkParse)
  .use([remarkGfm, remarkCjkFriendly, remarkMath])
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRawAsText)
  .use(rehypeKatexHtml, katexOptions)
  .use(rehypeHighlightCode)
  .freeze();

/**
 * What react-markdown does to the tree before converting it: links and sources made safe. Source
 * positions are dropped (nothing shows them), which makes a tree sent by the worker smaller.
 */
function finish(tree: Root): Root {
  visit(tree, (node) => {
    delete node.position;
    if (node.type !== 'element') return;
    for (const [name, tags] of Object.entries(urlAttributes))
      if (Object.hasOwn(node.properties, name) && (tags === null || tags.includes(node.tagName)))
        node.properties[name] = safeUrl(String(node.properties[name] || ''));
  });
  return tree;
}

/** A text shown as it is (over a limit, or the parser threw). */
export const plainTree = (text: string): Root => ({
  type: 'root',
  children: [
    {
      type: 'element',
      tagName: 'pre',
      properties: { className: ['md-plain'] },
      children: [{ type: 'text', value: text }],
    },
  ],
});

/** `text` as an HTML syntax tree, typeset; never throws: a text the parser cannot take is plain. */
export function parseTree(text: string): Root {
  try {
    return finish(processor.runSync(processor.parse(text)));
  } catch {
    return plainTree(text);
  }
}
