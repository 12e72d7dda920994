import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRow, parseDelimited } from './delimited';

const fields = (text: string, sep = ',') => {
  const result = parseDelimited(text, sep);
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.records.map((r) => r.fields);
};

describe('parseDelimited', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks inside', () => {
    expect(fields('a,"b, c","say ""hi"""\n"multi\nline",x\r\ny,z')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['multi\nline', 'x'],
      ['y', 'z'],
    ]);
  });

  it('skips blank lines and # comment lines, and counts lines from the file start', () => {
    const result = parseDelimited('# a comment\n\nq1\ta1\n"two\nlines"\ta2\n\nq3\ta3', '\t');
    expect(result.ok && result.records.map((r) => [r.fields[0], r.line])).toEqual([
      ['q1', 3],
      ['two\nlines', 4],
      ['q3', 7],
    ]);
  });

  it('keeps a quote inside an unquoted field as text, as Anki does', () => {
    expect(fields('5" screen,"quoted" tail')).toEqual([['5" screen', 'quoted tail']]);
  });

  it('refuses a quote that never closes, naming the line it opens on', () => {
    expect(parseDelimited('a,b\nc,"never closed\nstill open', ',')).toEqual({
      ok: false,
      problem: { code: 'unterminatedQuote', line: 2 },
    });
  });

  it('reads back exactly what formatRow wrote, for any fields', () => {
    const field = fc.string({ unit: fc.constantFrom('a', ' ', ',', '\t', '"', '\n', '\r', '#', 'é', '中') });
    const row = fc
      .array(field, { minLength: 1, maxLength: 4 })
      .filter((r) => formatRow(r, ',').trim() !== '');
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(',', '\t', ';'),
        (rows, sep) => {
          const text = rows.map((r) => formatRow(r, sep)).join('\n');
          const expected = rows.map((r) => r.map((f) => f.replace(/\r\n?/g, '\n')));
          expect(fields(text, sep)).toEqual(expected);
        },
      ),
    );
  });
});
