import { afterEach, describe, expect, it, vi } from 'vitest';

/** A worker whose script cannot start (blocked, or failed to load): it only reports an error. */
class FailingWorker extends EventTarget {
  postMessage() {
    queueMicrotask(() => this.dispatchEvent(new Event('error')));
  }
  terminate() {}
}

const longTable = [
  '| a | b |',
  '|---|---|',
  ...Array.from({ length: 200 }, (_, i) => `| r${i} | **b** |`),
].join('\n');

describe('parseOffThread', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('parses a long text here when the worker fails, and parses here from then on', async () => {
    vi.stubGlobal('Worker', FailingWorker);
    const { parseOffThread, parsesOffThread } = await import('./parseMarkdown');
    const { parseTree } = await import('./markdownPipeline');
    expect(parsesOffThread(longTable)).toBe(true);
    expect(await parseOffThread(longTable)).toEqual(parseTree(longTable));
    expect(parsesOffThread(`${longTable}\n| more | rows |`)).toBe(false);
  });

  it('keeps short texts on this thread', async () => {
    vi.stubGlobal('Worker', FailingWorker);
    const { parsesOffThread } = await import('./parseMarkdown');
    expect(parsesOffThread('A **short** answer with $x^2$.')).toBe(false);
  });
});
