import { describe, expect, it } from 'vitest';
import { loadInStages } from './loadInStages';

describe('loadInStages', () => {
  it('starts each import only after the one before it has loaded, the last one last', async () => {
    const calls: string[] = [];
    const stage = (name: string, ms: number) => () => {
      calls.push(`start ${name}`);
      return new Promise((resolve) =>
        setTimeout(() => {
          calls.push(`loaded ${name}`);
          resolve(name);
        }, ms),
      );
    };
    const loaded = await loadInStages([stage('katex', 20), stage('highlight', 1)], stage('renderer', 1));
    expect(loaded).toBe('renderer');
    expect(calls).toEqual([
      'start katex',
      'loaded katex',
      'start highlight',
      'loaded highlight',
      'start renderer',
      'loaded renderer',
    ]);
  });
});
