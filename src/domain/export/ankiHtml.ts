import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { toHast, type State } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';

const VOID = new Set(['br', 'hr', 'img', 'input']);

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Attributes in single quotes: a TSV field with no double quote in it needs no quoting. */
const escapeAttribute = (text: string) => escapeText(text).replace(/'/g, '&#39;');

function attributes(properties: Properties): string {
  return Object.entries(properties)
    .flatMap(([name, value]) => {
      if (value === false || value === null || value === undefined) return [];
      const attr = name === 'className' ? 'class' : name.toLowerCase();
      if (value === true) return [` ${attr}`];
      return [` ${attr}='${escapeAttribute(Array.isArray(value) ? value.join(' ') : String(value))}'`];
    })
    .join('');
}

const inner = (children: readonly RootContent[], pre: boolean) =>
  children
    .filter((c) => pre || c.type !== 'text' || c.value !== '\n')
    .map((c) => serialize(c, pre))
    .join('');

/**
 * hast as one line of HTML (a TSV field has no line breaks): the newlines between blocks go, and
 * a line break in text or code becomes `<br>`, so a line the author broke stays broken in Anki.
 */
function serialize(node: Root | RootContent, inPre: boolean): string {
  if (node.type === 'text') return escapeText(node.value).replace(/\n/g, '<br>');
  if (node.type === 'root') return inner(node.children, inPre);
  if (node.type !== 'element') return '';
  const open = `<${node.tagName}${attributes(node.properties)}>`;
  if (VOID.has(node.tagName)) return open;
  return `${open}${inner(node.children, inPre || node.tagName === 'pre')}</${node.tagName}>`;
}

const text = (value: string): ElementContent => ({ type: 'text', value });

/** Math in MathJax's delimiters, which Anki typesets; raw HTML and images as the app shows them. */
const handlers = {
  inlineMath: (_: State, node: { value: string }) => text(`\\(${node.value}\\)`),
  math: (_: State, node: { value: string }): Element => ({
    type: 'element',
    tagName: 'p',
    properties: {},
    children: [text(`\\[${node.value}\\]`)],
  }),
  html: (_: State, node: { value: string }) => text(node.value),
  image: (_: State, node: { alt?: string | null }) => text(node.alt ? `[${node.alt}]` : ''),
};

/** A card's Markdown as the HTML Anki renders: tables, code, lists, and math for its MathJax. */
export function markdownToAnkiHtml(markdown: string): string {
  const mdast = fromMarkdown(markdown, {
    extensions: [gfm(), math()],
    mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
  });
  const hast = toHast(mdast, { handlers: handlers as never }) as Root;
  const blocks = hast.children.filter((c) => c.type !== 'text' || c.value !== '\n');
  // A field that is one paragraph needs no paragraph around it.
  const only = blocks.length === 1 ? blocks[0] : undefined;
  if (only?.type === 'element' && only.tagName === 'p') return inner(only.children, false);
  return serialize(hast, false);
}
