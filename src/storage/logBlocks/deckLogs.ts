import { revlogCsvRow, type TimeRange } from '../../domain/export/revlogCsv';
import type { ReviewLog } from '../../domain/scheduling/types';
import type { LogBlock } from './logBlock';
import { blockLog } from './packLogs';

/** Some of one deck's logs in (review time, log id) order: a stored block, or logs read from `logs`. */
export type LogPart = LogBlock | readonly ReviewLog[];

const isBlock = (p: LogPart): p is LogBlock => !Array.isArray(p);
const sizeOf = (p: LogPart) => (isBlock(p) ? p.count : p.length);
const reviewOf = (p: LogPart, j: number) => (isBlock(p) ? p.review[j]! : p[j]!.review);
const idOf = (p: LogPart, j: number) => (isBlock(p) ? p.ids[j]! : p[j]!.id);
const cardOf = (p: LogPart, j: number) => (isBlock(p) ? p.cardIds[j]! : p[j]!.cardId);

/**
 * One deck's logs in export order — card id, then review time, then log id (revlogCsv.compareLogs) —
 * without copying them: positions into the parts, sorted. The parts come in time order, so the
 * logs are already in (time, id) order and a stable counting sort by card finishes the job.
 */
export class DeckLogs {
  private constructor(
    readonly deckId: string,
    private readonly parts: readonly LogPart[],
    private readonly partAt: Uint32Array,
    private readonly indexAt: Uint32Array,
    private readonly cards: readonly string[],
    private readonly cardAt: Uint32Array,
  ) {}

  get length(): number {
    return this.partAt.length;
  }

  cardId(k: number): string {
    return this.cards[this.cardAt[k]!]!;
  }

  /** The k-th log in export order, as stored in `logs`. */
  log(k: number): ReviewLog {
    const p = this.parts[this.partAt[k]!]!;
    const j = this.indexAt[k]!;
    return isBlock(p) ? blockLog(p, j) : p[j]!;
  }

  /** The k-th log's optimizer CSV row, its card field already formatted. */
  csvRow(k: number, cardField: string): string {
    const p = this.parts[this.partAt[k]!]!;
    const j = this.indexAt[k]!;
    if (isBlock(p)) return revlogCsvRow(cardField, p.review[j]!, p.rating[j]!, p.state[j]!, p.durationMs[j]!);
    const l = p[j]!;
    return revlogCsvRow(cardField, l.review, l.rating, l.state, l.durationMs);
  }

  /** Sorts the logs of `parts` (given in time order) that fall in `range`. */
  static sort(deckId: string, parts: readonly LogPart[], range: TimeRange): DeckLogs {
    const { from, to } = range;
    const max = parts.reduce((n, p) => n + sizeOf(p), 0);
    let part = new Uint32Array(max);
    let index = new Uint32Array(max);
    const cardIndex = new Map<string, number>();
    const cards: string[] = [];
    let card = new Uint32Array(max);
    let n = 0;
    let inOrder = true;
    let lastPart: LogPart | null = null;
    let lastJ = 0;
    let lastReview = -Infinity;
    parts.forEach((p, pi) => {
      for (let j = 0, size = sizeOf(p); j < size; j++) {
        const review = reviewOf(p, j);
        if ((from !== null && !(review >= from)) || (to !== null && !(review < to))) continue;
        if (
          lastPart &&
          (review < lastReview || (review === lastReview && idOf(p, j) <= idOf(lastPart, lastJ)))
        )
          inOrder = false;
        lastPart = p;
        lastJ = j;
        lastReview = review;
        const id = cardOf(p, j);
        let c = cardIndex.get(id);
        if (c === undefined) {
          c = cards.length;
          cardIndex.set(id, c);
          cards.push(id);
        }
        part[n] = pi;
        index[n] = j;
        card[n] = c;
        n++;
      }
    });
    if (!inOrder) {
      // Not expected (blocks and index reads come in time order), but the output must not depend on it.
      const key = (s: number) =>
        [reviewOf(parts[part[s]!]!, index[s]!), idOf(parts[part[s]!]!, index[s]!)] as const;
      const seq = Array.from({ length: n }, (_, s) => s).sort((a, b) => {
        const [ra, ia] = key(a);
        const [rb, ib] = key(b);
        return ra < rb ? -1 : ra > rb ? 1 : ia < ib ? -1 : ia > ib ? 1 : 0;
      });
      const reorder = (col: Uint32Array) => Uint32Array.from(seq, (s) => col[s]!);
      [part, index, card] = [reorder(part), reorder(index), reorder(card)];
    }
    const byName = cards.map((_, c) => c).sort((a, b) => (cards[a]! < cards[b]! ? -1 : 1));
    const rank = new Uint32Array(cards.length);
    byName.forEach((c, r) => (rank[c] = r));
    const start = new Uint32Array(cards.length + 1);
    for (let s = 0; s < n; s++) start[rank[card[s]!]! + 1]!++;
    for (let r = 0; r < cards.length; r++) start[r + 1]! += start[r]!;
    const partAt = new Uint32Array(n);
    const indexAt = new Uint32Array(n);
    const cardAt = new Uint32Array(n);
    for (let s = 0; s < n; s++) {
      const r = rank[card[s]!]!;
      const k = start[r]!++;
      partAt[k] = part[s]!;
      indexAt[k] = index[s]!;
      cardAt[k] = r;
    }
    return new DeckLogs(
      deckId,
      parts,
      partAt,
      indexAt,
      byName.map((c) => cards[c]!),
      cardAt,
    );
  }
}
