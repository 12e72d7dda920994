import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mathToMarkdown } from 'mdast-util-math';
import { toMarkdown } from 'mdast-util-to-markdown';

/** Tags that look like Anki's HTML fields; a lone `<` in a formula does not. */
export const looksLikeHtml = (text: string): boolean =>
  /<\/?(br|div|p|span|b|i|u|em|strong|font|img|a|ul|ol|li|table|tr|td|th|hr|sub|sup|pre|code|h[1-6])\b[^>]*>/i.test(
    text,
  ) || /&(nbsp|amp|lt|gt|quot|#\d+);/i.test(text);

type Phrasing = PhrasingContent;
type Flow = RootContent;

const BLOCKS = new Set([
  'p',
  'div',
  'pre',
  'ul',
  'ol',
  'table',
  'blockquote',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
const isBlock = (node: ElementContent) => node.type === 'element' && BLOCKS.has(node.tagName);
const classes = (el: Element) => (Array.isArray(el.properties.className) ? el.properties.className : []);

/** Text with MathJax's delimiters as math: `\(…\)` inline, `\[…\]` display (inline when mixed with text). */
function textWithMath(value: string): Phrasing[] {
  const out: Phrasing[] = [];
  let last = 0;
  for (const m of value.matchAll(/\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]/g)) {
    if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
    out.push({
      type: 'inlineMath',
      value: (m[1] ?? m[2] ?? '').trim(),
      data: { display: m[2] !== undefined },
    } as never);
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

const textOf = (node: ElementContent): string =>
  node.type === 'text'
    ? node.value
    : node.type === 'element'
      ? node.tagName === 'br'
        ? '\n'
        : node.children.map(textOf).join('')
      : '';

function phrasing(nodes: readonly ElementContent[]): Phrasing[] {
  return nodes.flatMap((node): Phrasing[] => {
    if (node.type === 'text') return textWithMath(node.value.replace(/[ \t\r\n]+/g, ' '));
    if (node.type !== 'element') return [];
    const kids = () => phrasing(node.children);
    switch (node.tagName) {
      case 'br':
        return [{ type: 'text', value: '\n' }];
      case 'strong':
      case 'b':
        return [{ type: 'strong', children: kids() }];
      case 'em':
      case 'i':
        return [{ type: 'emphasis', children: kids() }];
      case 'del':
      case 's':
      case 'strike':
        return [{ type: 'delete', children: kids() }];
      case 'code':
        return [{ type: 'inlineCode', value: textOf(node) }];
      case 'a':
        return [{ type: 'link', url: String(node.properties.href ?? ''), children: kids() }];
      case 'img':
        return node.properties.alt ? [{ type: 'text', value: `[${String(node.properties.alt)}]` }] : [];
      default:
        return kids();
    }
  });
}

/** A paragraph's content, trimmed; a paragraph that is only display math becomes a math block. */
function paragraph(nodes: readonly ElementContent[]): Flow[] {
  const content = phrasing(nodes);
  const first = content[0];
  const lastNode = content[content.length - 1];
  if (first?.type === 'text') first.value = first.value.replace(/^[ \n]+/, '');
  if (lastNode?.type === 'text') lastNode.value = lastNode.value.replace(/[ \n]+$/, '');
  const kept = content.filter((n) => n.type !== 'text' || n.value !== '');
  const only =
    kept.length === 1 ? (kept[0] as { type: string; value?: string; data?: { display?: boolean } }) : null;
  if (only?.type === 'inlineMath' && only.data?.display)
    return [{ type: 'math', value: only.value ?? '' } as never];
  return kept.length ? [{ type: 'paragraph', children: kept }] : [];
}

function cells(row: Element): Element[] {
  return row.children.filter(
    (c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'),
  );
}

function rowsOf(table: Element): Element[] {
  return table.children.flatMap((c) =>
    c.type !== 'element'
      ? []
      : c.tagName === 'tr'
        ? [c]
        : c.children.filter((r): r is Element => r.type === 'element' && r.tagName === 'tr'),
  );
}

function block(el: Element): Flow[] {
  switch (el.tagName) {
    case 'pre': {
      const code = el.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code') ?? el;
      const lang = classes(code)
        .map(String)
        .find((c) => c.startsWith('language-'));
      return [
        {
          type: 'code',
          lang: lang?.slice('language-'.length) ?? null,
          value: textOf(code).replace(/\n$/, ''),
        },
      ];
    }
    case 'ul':
    case 'ol':
      return [
        {
          type: 'list',
          ordered: el.tagName === 'ol',
          start: el.tagName === 'ol' ? Number(el.properties.start ?? 1) : null,
          spread: false,
          children: el.children
            .filter((c): c is Element => c.type === 'element' && c.tagName === 'li')
            .map((li) => ({ type: 'listItem', spread: false, children: flow(li.children) as never })),
        },
      ];
    case 'table': {
      const rows = rowsOf(el);
      const align = cells(rows[0] ?? el).map((c) => {
        const a = String(c.properties.align ?? '');
        return a === 'left' || a === 'right' || a === 'center' ? a : null;
      });
      return [
        {
          type: 'table',
          align,
          children: rows.map((r) => ({
            type: 'tableRow',
            children: cells(r).map((c) => ({ type: 'tableCell', children: phrasing(c.children) })),
          })),
        },
      ];
    }
    case 'blockquote':
      return [{ type: 'blockquote', children: flow(el.children) as never }];
    case 'hr':
      return [{ type: 'thematicBreak' }];
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return [{ type: 'heading', depth: Number(el.tagName[1]) as 1, children: phrasing(el.children) }];
    default:
      return el.children.some(isBlock) ? flow(el.children) : paragraph(el.children);
  }
}

/** Blocks as they come; inline content between them (Anki's `text<div>…</div>`) as paragraphs. */
function flow(nodes: readonly ElementContent[]): Flow[] {
  const out: Flow[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    out.push(...paragraph(run));
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'element' && isBlock(node)) {
      flush();
      out.push(...block(node));
    } else run.push(node);
  }
  flush();
  return out;
}

/**
 * An HTML field (Anki's, or this app's own export) as Markdown: paragraphs, emphasis, code,
 * lists, tables and links as Markdown, MathJax's `\(…\)` / `\[…\]` as `$…$` / `$$…$$`; other
 * tags keep their text. Images and sound are dropped (no media here).
 */
export function htmlToMarkdown(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  const root: Root = { type: 'root', children: flow(tree.children as ElementContent[]) as never };
  return toMarkdown(root, {
    extensions: [gfmToMarkdown({ tablePipeAlign: false }), mathToMarkdown()],
    bullet: '-',
    emphasis: '*',
    fences: true,
    rule: '-',
  }).trim();
}
