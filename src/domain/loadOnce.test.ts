import { describe, expect, it } from 'vitest';
import { loadOnce } from './loadOnce';

describe('loadOnce', () => {
  it('loads once, keeps the value for use in the same task, and tries again after a failure', async () => {
    let calls = 0;
    const failFirst = loadOnce(async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return 'module';
    });
    expect(failFirst.loaded()).toBeNull();
    await expect(failFirst.load()).rejects.toThrow('offline');
    expect(failFirst.loaded()).toBeNull();
    const again = failFirst.load();
    expect(failFirst.load()).toBe(again);
    expect(await again).toBe('module');
    expect(failFirst.loaded()).toBe('module');
    await failFirst.load();
    expect(calls).toBe(2);
  });
});
