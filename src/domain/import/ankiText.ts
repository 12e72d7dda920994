import { parseDelimited, type TextRecord } from './delimited';
import { htmlToMarkdown, looksLikeHtml } from './html';
import type { DataProblem, DataWarning } from './problem';

/** One row of a front/back text file, as Anki's importer would read it into a Basic note. */
export interface TextNote {
  row: number;
  line: number;
  front: string;
  back: string | null;
  tags: string[];
  guid: string | null;
}

export interface TextFile {
  notes: TextNote[];
  separator: string;
  html: boolean;
  warnings: DataWarning[];
}

interface Header {
  separator: string | null;
  html: boolean | null;
  tags: string[];
  columns: string[] | null;
  tagsColumn: number | null;
  guidColumn: number | null;
  skipColumns: number[];
  /** Lines taken by the header, so record lines are counted from the file's start. */
  lines: number;
  /** Character offset where the records start. */
  offset: number;
}

const SEPARATORS: Record<string, string> = {
  tab: '\t',
  comma: ',',
  semicolon: ';',
  pipe: '|',
  colon: ':',
  space: ' ',
};

const separatorFrom = (value: string): string | null => {
  const named = SEPARATORS[value.trim().toLowerCase()];
  if (named) return named;
  return value.length === 1 ? value : null;
};

const column = (value: string): number | null => {
  const n = Number(value.trim());
  return Number.isInteger(n) && n >= 1 ? n : null;
};

/** `#key:value` lines at the top of the file (and Anki's legacy `tags:` first line). */
function readHeader(text: string): Header {
  const header: Header = {
    separator: null,
    html: null,
    tags: [],
    columns: null,
    tagsColumn: null,
    guidColumn: null,
    skipColumns: [],
    lines: 0,
    offset: 0,
  };
  let columnsLine: string | null = null;
  while (header.offset < text.length) {
    const end = text.indexOf('\n', header.offset);
    const raw = text.slice(header.offset, end === -1 ? text.length : end).replace(/\r$/, '');
    const legacyTags = header.lines === 0 && raw.startsWith('tags:');
    if (!raw.startsWith('#') && !legacyTags) break;
    const colon = raw.indexOf(':');
    const key = legacyTags ? 'tags' : colon > 0 ? raw.slice(1, colon).trim().toLowerCase() : '';
    const value = colon > 0 ? raw.slice(colon + 1) : '';
    if (key === 'separator') header.separator = separatorFrom(value) ?? header.separator;
    else if (key === 'html')
      header.html = /^\s*true\s*$/i.test(value) ? true : /^\s*false\s*$/i.test(value) ? false : null;
    else if (key === 'tags') header.tags = value.split(/\s+/).filter(Boolean);
    else if (key === 'columns') columnsLine = value;
    else if (key === 'tags column') header.tagsColumn = column(value);
    else if (key === 'guid column') header.guidColumn = column(value);
    else if (key === 'deck column' || key === 'notetype column') {
      const n = column(value);
      if (n) header.skipColumns.push(n);
    }
    header.lines++;
    header.offset = end === -1 ? text.length : end + 1;
  }
  if (columnsLine !== null) {
    const sep = header.separator ?? (columnsLine.includes('\t') ? '\t' : ',');
    const parsed = parseDelimited(columnsLine, sep);
    header.columns = parsed.ok
      ? (parsed.records[0]?.fields.map((f) => f.trim().toLowerCase()) ?? null)
      : null;
  }
  return header;
}

/** Anki guesses crudely; this counts candidates on the first record's line, outside quotes. */
function guessSeparator(text: string, fileName: string): string {
  if (/\.tsv$/i.test(fileName)) return '\t';
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  if (unquoted.includes('\t')) return '\t';
  const counts = [',', ';', '|'].map((s) => [s, unquoted.split(s).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : /\.txt$/i.test(fileName) ? '\t' : ',';
}

const FRONT = new Set(['front', 'question']);
const BACK = new Set(['back', 'answer']);

interface Layout {
  front: number;
  back: number | null;
  tags: number | null;
  guid: number | null;
  used: Set<number>;
}

/** 0-based column indexes: named by `#columns`, else the first two free columns, then tags. */
function layoutFor(header: Header, width: number, labels: string[] | null): Layout {
  const meta = new Set(
    [...header.skipColumns, header.tagsColumn ?? 0, header.guidColumn ?? 0].map((c) => c - 1),
  );
  const byName = (names: Set<string>) => {
    const i = labels?.findIndex((l, idx) => names.has(l) && !meta.has(idx)) ?? -1;
    return i >= 0 ? i : null;
  };
  const free = Array.from({ length: Math.max(width, 2) }, (_, i) => i).filter((i) => !meta.has(i));
  const front = byName(FRONT) ?? free[0] ?? 0;
  const back = byName(BACK) ?? free.find((i) => i !== front) ?? null;
  const tagsByName = labels ? labels.indexOf('tags') : -1;
  const tags =
    header.tagsColumn !== null
      ? header.tagsColumn - 1
      : tagsByName >= 0
        ? tagsByName
        : (free.find((i) => i > Math.max(front, back ?? 0)) ?? null);
  const guidByName = labels ? labels.findIndex((l) => l === 'guid' || l === 'id') : -1;
  const guid = header.guidColumn !== null ? header.guidColumn - 1 : guidByName >= 0 ? guidByName : null;
  const used = new Set([front, back, tags, guid].filter((i): i is number => i !== null));
  return { front, back, tags, guid, used };
}

const isLabelRow = (fields: string[]) => {
  const lower = fields.map((f) => f.trim().toLowerCase());
  return (
    FRONT.has(lower[0] ?? '') &&
    BACK.has(lower[1] ?? '') &&
    lower.slice(2).every((l) => l === 'tags' || l === '')
  );
};

/** Reads a CSV / TSV / Anki "Notes in Plain Text" file into notes, or says where it is broken. */
export function readAnkiText(
  text: string,
  fileName: string,
): { ok: true; file: TextFile } | { ok: false; problem: DataProblem } {
  const header = readHeader(text);
  const body = text.slice(header.offset);
  const separator = header.separator ?? guessSeparator(body, fileName);
  const parsed = parseDelimited(body, separator, header.lines + 1);
  if (!parsed.ok) return parsed;
  const warnings: DataWarning[] = [];
  let records: TextRecord[] = parsed.records;
  let labels = header.columns;
  if (!labels && records[0] && isLabelRow(records[0].fields)) {
    labels = records[0].fields.map((f) => f.trim().toLowerCase());
    warnings.push({ code: 'headerRowSkipped', line: records[0].line });
    records = records.slice(1);
  }
  const width = records.reduce((w, r) => Math.max(w, r.fields.length), 0);
  const layout = layoutFor(header, width, labels);
  const sample = records
    .slice(0, 20)
    .flatMap((r) => [r.fields[layout.front] ?? '', r.fields[layout.back ?? -1] ?? '']);
  const html = header.html ?? sample.some(looksLikeHtml);
  if (header.html === null && html) warnings.push({ code: 'htmlConverted' });
  const extra = records.find((r) =>
    r.fields.some((f, i) => !layout.used.has(i) && !header.skipColumns.includes(i + 1) && f.trim() !== ''),
  );
  if (extra) warnings.push({ code: 'extraColumns', line: extra.line });
  const field = (r: TextRecord, i: number | null) => (i === null ? null : (r.fields[i] ?? null));
  const clean = (value: string) => (html ? htmlToMarkdown(value) : value).trim();
  const notes = records.map((r, index): TextNote => {
    const back = field(r, layout.back);
    return {
      row: index + 1,
      line: r.line,
      front: clean(field(r, layout.front) ?? ''),
      back: back === null ? null : clean(back),
      tags: [...header.tags, ...(field(r, layout.tags) ?? '').split(/\s+/)].filter(Boolean),
      guid: field(r, layout.guid)?.trim() || null,
    };
  });
  return { ok: true, file: { notes, separator, html, warnings } };
}
