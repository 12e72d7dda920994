import { describe, expect, it } from 'vitest';
import { loadInStages } from './loadInStages';

describe('loadInStages', () => {
  it('imports each stage in its own later task, in order, then the last', async () => {
    const calls: string[] = [];
    const stage = (name: string) => () => {
      calls.push(name);
      return Promise.resolve(name);
    };
    const loading = loadInStages([stage('katex'), stage('highlight')], stage('renderer'));
    await Promise.resolve();
    expect(calls).toEqual([]); // nothing in the caller's task
    // Between two stages, a task queued meanwhile gets to run.
    const between = new Promise<string[]>((resolve) => setTimeout(() => resolve([...calls]), 0));
    expect(await loading).toBe('renderer');
    expect(calls).toEqual(['katex', 'highlight', 'renderer']);
    expect((await between).length).toBeLessThan(3);
  });
});
