import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { createLowlight } from 'lowlight';
import { visit } from 'unist-util-visit';
import { highlightLanguages } from './highlightLanguages';

const lowlight = createLowlight(highlightLanguages);

const languageOf = (node: Element): string | undefined => {
  const classes = node.properties.className;
  const list = Array.isArray(classes) ? classes : [];
  for (const c of list) {
    const name = typeof c === 'string' && c.startsWith('language-') ? c.slice('language-'.length) : '';
    if (name && lowlight.registered(name)) return name;
  }
  return undefined;
};

/**
 * Highlights fenced code in the languages the decks use, producing hast nodes (never an HTML
 * string). rehype-highlight would bundle every "common" grammar; this keeps the chunk small.
 */
export function rehypeHighlightCode() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, _index, parent) => {
      if (node.tagName !== 'code' || parent?.type !== 'element' || parent.tagName !== 'pre') return;
      const language = languageOf(node);
      if (!language) return;
      const result = lowlight.highlight(language, toText(node, { whitespace: 'pre' }));
      node.children = result.children as Element['children'];
      const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
      node.properties.className = [...classes, 'hljs'];
    });
  };
}
