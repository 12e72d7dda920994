import type { Element, ElementContent, Root } from 'hast';
import type { HTMLAttributes } from 'react';
import { toText } from 'hast-util-to-text';
import katex, { type KatexOptions } from 'katex';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Math typeset by KaTeX, inserted as the HTML KaTeX writes. rehype-katex parses that HTML back
 * into a syntax tree and React then builds an element for each of its thousands of spans: for a
 * 20×20 matrix or 30 formulas in a paragraph that was most of a task of 50–800 ms, while KaTeX
 * itself took a few. Here a formula is one element holding KaTeX's HTML (escaped by KaTeX, with
 * `trust: false` no links or raw HTML), which the browser parses natively when React commits it.
 */
export const KATEX_CLASS = 'md-katex';

const classesOf = (element: Element): unknown[] =>
  Array.isArray(element.properties.className) ? element.properties.className : [];

function typeset(value: string, displayMode: boolean, options: KatexOptions): ElementContent {
  try {
    return {
      type: 'element',
      tagName: displayMode ? 'div' : 'span',
      properties: {
        className: [KATEX_CLASS],
        dataHtml: katex.renderToString(value, { ...options, displayMode }),
      },
      children: [],
    };
  } catch (error) {
    // KaTeX reports bad TeX in its own markup (throwOnError: false); anything else shows as text.
    return {
      type: 'element',
      tagName: 'span',
      properties: { className: ['katex-error'], title: String(error) },
      children: [{ type: 'text', value }],
    };
  }
}

const isMathCode = (node: ElementContent | undefined): node is Element =>
  node?.type === 'element' && node.tagName === 'code' && classesOf(node).includes('language-math');

/** rehype plugin: remark-math's inline and display math (and ```math code) typeset by KaTeX. */
export function rehypeKatexHtml(options: KatexOptions) {
  return (tree: Root) => {
    visit(tree, 'element', (element, index, parent) => {
      if (!parent || index === undefined) return;
      const classes = classesOf(element);
      // ```math (and remark-math's display math) is a <pre> around a math <code>: typeset the pre.
      const block = element.tagName === 'pre' && isMathCode(element.children[0]);
      const display = block || classes.includes('math-display');
      if (!block && !display && !classes.includes('math-inline')) return;
      parent.children.splice(index, 1, typeset(toText(element, { whitespace: 'pre' }), display, options));
      return [SKIP, index + 1];
    });
  };
}

type Props = HTMLAttributes<HTMLElement> & { node?: Element };

/** Renders a typeset formula's element (react-markdown hands us every span and div). */
export function katexElement(tag: 'span' | 'div', { node, ...props }: Props) {
  const Tag = tag;
  const html = node?.properties.dataHtml;
  if (props.className === KATEX_CLASS && typeof html === 'string')
    return <Tag className={KATEX_CLASS} dangerouslySetInnerHTML={{ __html: html }} />;
  return <Tag {...props} />;
}
