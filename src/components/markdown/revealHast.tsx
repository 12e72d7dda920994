import type { ElementContent, Root, RootContent } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { whitespace } from 'hast-util-whitespace';
import { cloneElement, type ReactElement, type ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { katexElement } from './katexHtml';

/**
 * A syntax tree turned into React elements a part at a time: a list, quote or table is one chunk
 * of text (it cannot be split and stay one list), and one paragraph can hold 30 formulas, each
 * hundreds of elements; committed whole, their style, layout and paint took one task of 60–230 ms.
 * Here each task adds about a budget's worth of elements, in document order; the finished tree is
 * exactly what react-markdown makes of it (the same conversion, with the same options).
 */
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

const options = { Fragment, jsx, jsxs, components, ignoreInvalidStyle: true, passKeys: true, passNode: true };

type Node = Root | RootContent;
const TABLE_PARTS = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']);

/** KaTeX's HTML for a formula, which is inserted whole: never split. */
const formulaHtml = (node: Node): string | undefined =>
  node.type === 'element' && typeof node.properties.dataHtml === 'string'
    ? node.properties.dataHtml
    : undefined;

const costs = new WeakMap<Node, number>();

/** A table cell costs its browser about as much as ten elements elsewhere (traced, Chromium). */
const CELL_COST = 10;

/**
 * About how many elements `node` adds to the page, a unit being about 10 µs of style, layout and
 * paint: a text node counts a unit per 100 characters, a formula one per element KaTeX wrote.
 */
export function costOf(node: Node): number {
  if (node.type === 'text') return 1 + Math.floor(node.value.length / 100);
  if (node.type !== 'element' && node.type !== 'root') return 0;
  let cost = costs.get(node);
  if (cost === undefined) {
    const html = formulaHtml(node);
    cost = node.type === 'element' && (node.tagName === 'td' || node.tagName === 'th') ? CELL_COST : 1;
    if (html !== undefined) for (let i = html.indexOf('</'); i !== -1; i = html.indexOf('</', i + 2)) cost++;
    else for (const child of node.children) cost += costOf(child);
    costs.set(node, cost);
  }
  return cost;
}

const whole = new WeakMap<Node, ReactNode>();

/** The node's React element as react-markdown makes it, made once (so React skips it after). */
function wholeElement(node: Node, key: string | undefined): ReactNode {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return undefined;
  if (!whole.has(node)) {
    const element = toJsxRuntime(node, options);
    whole.set(node, key === undefined ? element : cloneElement(element, { key }));
  }
  return whole.get(node);
}

export interface Revealed {
  element: ReactNode;
  /** The cost of what was revealed: at least the budget, unless `whole`. */
  cost: number;
  whole: boolean;
}

/**
 * The first `budget` units of `node` (see costOf) as React elements: the children that fit whole,
 * then part of the next one. A formula or a text is never split: one that starts within the
 * budget is revealed whole, so every call with a positive budget reveals something.
 */
export function reveal(node: Root, budget: number): Revealed {
  return revealNode(node, budget, undefined);
}

function revealNode(node: Node, budget: number, key: string | undefined): Revealed {
  const cost = costOf(node);
  if (cost <= budget || (node.type !== 'element' && node.type !== 'root') || formulaHtml(node) !== undefined)
    return { element: wholeElement(node, key), cost, whole: true };
  const children: ReactNode[] = [];
  const counts = new Map<string, number>();
  let used = 1;
  for (const child of node.children as ElementContent[]) {
    if (used >= budget) break;
    let childKey: string | undefined;
    if (child.type === 'element') {
      const count = counts.get(child.tagName) ?? 0;
      counts.set(child.tagName, count + 1);
      childKey = `${child.tagName}-${count}`;
    }
    const part = revealNode(child, budget - used, childKey);
    used += part.cost;
    const skipped =
      node.type === 'element' && TABLE_PARTS.has(node.tagName) && child.type === 'text' && whitespace(child);
    if (part.element !== undefined && !skipped) children.push(part.element);
    if (!part.whole) break;
  }
  if (node.type === 'root') return { element: jsxs(Fragment, { children }), cost: used, whole: false };
  const shell = toJsxRuntime({ ...node, children: [] }, options) as ReactElement;
  return { element: cloneElement(shell, { key }, ...children), cost: used, whole: false };
}
