import { describe, expect, it } from 'vitest';
import { checkFormat, KNOWN_FORMATS, NewerFormatError, withFormat } from './format';

describe('documents from a newer app', () => {
  it('are refused by the format of their kind, naming the document', () => {
    const newer = { _id: 'fields:settings', kind: 'fields', format: KNOWN_FORMATS.fields! + 1 };
    expect(() => checkFormat(newer)).toThrow(new NewerFormatError('fields:settings'));
    expect(() => checkFormat({ _id: 'reviews:d:1', kind: 'reviews', format: 9 })).toThrow(NewerFormatError);
  });

  it('pass in a format this app knows, or none (the first), and a kind it does not know is not its to check', () => {
    for (const doc of [
      { kind: 'reviews', format: 1 },
      { kind: 'fields' },
      { kind: 'undone', format: 'two' },
      { kind: 'calendar', format: 7 },
      null,
      'text',
    ])
      expect(() => checkFormat(doc)).not.toThrow();
  });

  it('say the format of their kind when written, and keep one they say', () => {
    expect(withFormat({ _id: 'fields:settings', kind: 'fields', fields: {} })).toEqual({
      _id: 'fields:settings',
      kind: 'fields',
      fields: {},
      format: KNOWN_FORMATS.fields,
    });
    const batch = { _id: 'reviews:d:1', kind: 'reviews', format: 1 };
    expect(withFormat(batch)).toBe(batch);
    const other = { _id: 'x', kind: 'calendar' };
    expect(withFormat(other)).toBe(other);
  });
});
