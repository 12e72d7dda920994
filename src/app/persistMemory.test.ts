import { beforeEach, describe, expect, it } from 'vitest';
import { rememberedPersist, rememberPersist } from './persistMemory';

beforeEach(() => localStorage.clear());

describe('the remembered answer on persistent storage', () => {
  it('is the last one given, and nothing before any', () => {
    expect(rememberedPersist()).toBeNull();
    rememberPersist('refused');
    expect(rememberedPersist()).toBe('refused');
    rememberPersist('granted');
    expect(rememberedPersist()).toBe('granted');
  });

  it('ignores a value it did not write', () => {
    localStorage.setItem('interview-recall.persist', 'maybe');
    expect(rememberedPersist()).toBeNull();
  });
});
