import ts from 'typescript';

/** Attributes a user reads or hears; other attributes (className, href, data-*) are not text. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'summary',
  'caption',
  'text',
  'message',
]);

/** A message key handed on to be translated (`title="error.card"`) is not text. */
const messageKey = /^[a-zA-Z]+(\.[\w-]+)+$/;
const hasWords = (text: string) => /\p{L}/u.test(text) && !messageKey.test(text.trim());
/** A key cap (`<kbd>Enter</kbd>`) names the key as it is printed, in every language. */
const onKeyCap = (node: ts.Node) =>
  ts.isJsxElement(node.parent) && node.parent.openingElement.tagName.getText() === 'kbd';

export interface HardcodedText {
  line: number;
  text: string;
}

/** The static parts of a string or template literal (what is not `${…}`). */
function staticText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

/**
 * User-facing text written straight into a component's JSX instead of coming from a message
 * catalogue: text between tags, literals in `{…}` children, and text attributes (aria-label, title…).
 */
export function findHardcodedText(fileName: string, source: string): HardcodedText[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: HardcodedText[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text) && !onKeyCap(node)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent) && !onKeyCap(node)) {
      const text = staticText(node.expression);
      if (text !== null && hasWords(text)) report(node, text);
    }
    if (ts.isJsxAttribute(node) && node.initializer && TEXT_ATTRIBUTES.has(node.name.getText(file))) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      const text = value ? staticText(value) : null;
      if (text !== null && hasWords(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
