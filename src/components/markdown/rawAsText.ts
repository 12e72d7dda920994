import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Raw HTML in deck Markdown is shown as literal text, never parsed: a card that mentions
 * `<think>` or `<img onerror=…>` outside a code span keeps its words and runs nothing.
 */
export function rehypeRawAsText() {
  return (tree: Root) => {
    visit(tree, 'raw', (node: { type: string; value: string }) => {
      (node as { type: string }).type = 'text';
    });
  };
}
