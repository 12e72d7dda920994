import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareLogs, inRange, revlogCsvRows } from '../../domain/export/revlogCsv';
import { formatField } from '../../domain/import/delimited';
import type { ReviewLog } from '../../domain/scheduling/types';
import { DeckLogs, type LogPart } from './deckLogs';
import { makeLog } from './fixtures';
import { packLogs } from './packLogs';

const logsArb = fc.array(
  fc.record({
    id: fc.stringMatching(/^[a-c0-9-]{1,4}$/),
    card: fc.constantFrom('rag.x', 'rag.x-1', 'rag.y', 'rag.a"b', 'rag.é'),
    review: fc.integer({ min: 0, max: 20 }),
  }),
  { maxLength: 60 },
);

const exportOrder = (deck: DeckLogs) => Array.from({ length: deck.length }, (_, k) => deck.log(k));

describe('one deck’s logs in export order', () => {
  it('sorts any split into blocks and plain parts like compareLogs, in time order or not', () => {
    fc.assert(
      fc.property(
        logsArb,
        fc.array(fc.nat(60)),
        fc.boolean(),
        fc.record({
          from: fc.option(fc.integer({ min: 0, max: 20 })),
          to: fc.option(fc.integer({ min: 0, max: 21 })),
        }),
        (rows, cuts, timeOrder, range) => {
          const seen = new Set<string>();
          let logs: ReviewLog[] = rows
            .filter((r) => !seen.has(r.id) && seen.add(r.id))
            .map((r, i) => makeLog(r.id, r.card, r.review, i));
          if (timeOrder) logs = [...logs].sort((a, b) => a.review - b.review || (a.id < b.id ? -1 : 1));
          const bounds = [...new Set([0, ...cuts.filter((c) => c < logs.length), logs.length])].sort(
            (a, b) => a - b,
          );
          const parts: LogPart[] = bounds.slice(1).map((end, i) => {
            const slice = logs.slice(bounds[i], end);
            return i % 2 ? slice : packLogs('rag', 0, slice)!;
          });
          const deck = DeckLogs.sort('rag', parts, range);
          const expected = logs.filter(inRange(range)).sort(compareLogs);
          expect(exportOrder(deck)).toEqual(expected);
          const csv = expected.map((_, k) => deck.csvRow(k, formatField(deck.cardId(k), ','))).join('');
          expect(csv).toBe(revlogCsvRows(expected));
        },
      ),
    );
  });
});
