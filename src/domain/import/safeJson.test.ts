import { describe, expect, it } from 'vitest';
import { jsonErrorAt } from './jsonErrorAt';
import { parseJson } from './safeJson';

const problem = (text: string) => {
  const result = parseJson(text);
  return result.ok ? null : result.problem;
};

describe('a file that is not valid JSON', () => {
  it('is shown where parsing stopped, in the file’s own characters rather than the engine’s English', () => {
    expect(problem('{\n  "a": 1,\n  "b": 2\n  "c": 3\n}')).toEqual({
      code: 'invalidJson',
      detail: '"c": 3',
      line: 4,
    });
    expect(problem('{"a": [1, 2,]}')).toEqual({ code: 'invalidJson', detail: ']}', line: 1 });
  });

  it('finds the place itself when the engine names none (NaN, a word outside quotes)', () => {
    expect(problem('{\n  "note": "NaN is fine in a string",\n  "w": NaN\n}')).toEqual({
      code: 'invalidJson',
      detail: 'NaN',
      line: 3,
    });
    expect(problem(`{"a": ${'x'.repeat(40)}}`)).toEqual({
      code: 'invalidJson',
      detail: `${'x'.repeat(24)}…`,
      line: 1,
    });
  });

  it('is called cut short when it ends too early', () => {
    expect(problem('{"a": [1, 2')).toMatchObject({ code: 'truncated' });
  });
});

describe('jsonErrorAt', () => {
  it('agrees with JSON.parse on what is JSON, and names the place where it is not', () => {
    for (const good of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\"y"], "b": {}} ', '"s"', '0'])
      expect(jsonErrorAt(good), good).toBeNull();
    expect(jsonErrorAt('[1, 2,]')).toBe(6);
    expect(jsonErrorAt('{"a": 1,}')).toBe(8);
    expect(jsonErrorAt('{"a" 1}')).toBe(5);
    expect(jsonErrorAt('{"a": 1} x')).toBe(9);
    expect(jsonErrorAt('[1, 2')).toBe(5);
    expect(jsonErrorAt('"a\nb"')).toBe(2);
    expect(jsonErrorAt('['.repeat(100_000))).toBe(100_000);
  });
});
