import { describe, expect, it } from 'vitest';
import { TextIndex } from './textIndex';

function index(docs: [string, string][]) {
  const ti = new TextIndex();
  for (const [q, rest] of docs) ti.add(q, rest);
  return ti;
}
const found = (ti: TextIndex, text: string, extra?: Map<string, Set<number>>) => [...ti.search(text, extra)];

describe('text index', () => {
  const ti = index([
    ['How does attention scale?', 'Quadratic in sequence length; 注意力的开销随序列长度平方增长。'],
    ['What is a KV cache?', 'It keeps the attention keys and values. 缓存注意力的键和值。'],
    ['Why use gradient checkpointing?', '梯度检查点用计算换显存。'],
    ['什么是梯度下降？', 'Gradient descent steps against the gradient.'],
  ]);

  it('finds every document holding all the words, question matches first', () => {
    expect(found(ti, 'attention')).toEqual([0, 1]);
    expect(found(ti, 'cache attention')).toEqual([1]);
    // "gradient" is in the question of 2 and only in the answer of 3, whatever their order.
    expect(found(ti, 'gradient')).toEqual([2, 3]);
    expect(found(ti, 'descent gradient')).toEqual([3]);
    expect(found(ti, 'attention zebra')).toEqual([]);
    expect(found(ti, '  ')).toEqual([]);
  });

  it('matches the last word as a prefix while typing, the others whole', () => {
    expect(found(ti, 'atten')).toEqual([0, 1]);
    expect(found(ti, 'a')).toEqual([0, 1, 3]);
    expect(found(ti, 'kv ca')).toEqual([1]);
    expect(found(ti, 'atten cache')).toEqual([]);
  });

  it('finds Chinese words wherever their characters stand, one, two or more characters', () => {
    expect(found(ti, '注意力')).toEqual([0, 1]);
    expect(found(ti, '缓存')).toEqual([1]);
    expect(found(ti, '梯度')).toEqual([3, 2]);
    expect(found(ti, '梯度下')).toEqual([3]);
    expect(found(ti, '梯度下降')).toEqual([3]);
    // A lone character: at the start, in the middle or at the end of a run.
    expect(found(ti, '降')).toEqual([3]);
    expect(found(ti, '存')).toEqual([1, 2]);
    expect(found(ti, '缓存 kv')).toEqual([1]);
    expect(found(ti, '平方 descent')).toEqual([]);
  });

  it('leaves removed documents out and adds words from elsewhere by slot', () => {
    const t = index([
      ['Chunk size', 'recall'],
      ['Reranker', 'cross-encoder'],
    ]);
    const notes = new Map([['acme', new Set([1])]]);
    expect(found(t, 'acme', notes)).toEqual([1]);
    expect(found(t, 'acm', notes)).toEqual([1]);
    expect(found(t, 'acme reranker', notes)).toEqual([1]);
    expect(found(t, 'acme chunk', notes)).toEqual([]);
    t.remove(1);
    expect(found(t, 'reranker')).toEqual([]);
    expect(t.size().documents).toBe(1);
  });

  it('keeps slots of many documents apart (postings past one byte)', () => {
    const t = new TextIndex();
    for (let i = 0; i < 5000; i++) t.add(i % 1000 === 999 ? 'rare word' : 'common', 'filler text');
    expect(found(t, 'rare')).toEqual([999, 1999, 2999, 3999, 4999]);
    expect(found(t, 'common').length).toBe(4995);
  });
});
