import { parseTree } from './markdownPipeline';

/** Parses long Markdown chunks off the main thread (see parseMarkdown.ts); the tree is cloned back. */
self.onmessage = (event: MessageEvent<{ id: number; request: string }>) => {
  const { id, request } = event.data;
  self.postMessage({ id, result: parseTree(request) });
};
