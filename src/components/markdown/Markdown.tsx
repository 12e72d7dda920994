import { lazy, Suspense } from 'react';

const loadRenderer = () => import('./MarkdownRenderer');
const MarkdownRenderer = lazy(loadRenderer);

/** Starts loading the Markdown/KaTeX/highlight chunk before it is needed. */
export const preloadMarkdown = () => void loadRenderer();

/** Renders texts ahead of time (in idle time), so showing them later is immediate. */
export const prerenderMarkdown = (texts: string[]) =>
  loadRenderer().then((m) => texts.forEach((text) => m.renderMarkdown(text)));

/** Deck Markdown, rendered safely; plain text shows until the renderer chunk has loaded. */
export function Markdown({ text, lang }: { text: string; lang?: string }) {
  return (
    <div className="md" lang={lang}>
      <Suspense fallback={<p className="md-fallback">{text}</p>}>
        <MarkdownRenderer text={text} />
      </Suspense>
    </div>
  );
}
