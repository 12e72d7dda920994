import { isHanToken, tokenize } from './tokenize';

/**
 * A full-text index for the card browser, built for its one job: every card matching all of the
 * typed words, at 100,000 cards, well within a frame. Measured against MiniSearch, FlexSearch 0.8
 * and Orama on the bench's collection (see bench/searchEngines.md), none of which lists tens of
 * thousands of hits in under 30 ms: they score every hit, where the browser needs the set (for
 * its filters, count and list) in an order that puts question matches first.
 *
 * Each term keeps one posting list: the slots of the documents holding it, delta-encoded as
 * varints with one bit telling whether it stands in the question (about 1–2 bytes a posting).
 * A query marks, per slot, how many of its words matched so far (AND), and how many of them in
 * the question; hits come out question-matches first, then in slot (deck) order. The last word
 * is matched as a prefix as the user types, a lone Chinese character wherever it stands.
 * Slots are never reused: a removed document is only marked dead (`compactable` says when the
 * owner should build afresh).
 */
export class TextIndex {
  private readonly terms = new Map<string, Posting>();
  private sorted: string[] | null = [];
  private alive: Uint8Array = new Uint8Array(1024);
  private slots = 0;
  private dead = 0;
  private bytes = 0;

  /** Adds a document; returns its slot. `question` words rank first. */
  add(question: string, rest: string): number {
    const slot = this.slots++;
    if (slot >= this.alive.length) this.alive = grow(this.alive, slot + 1);
    this.alive[slot] = 1;
    // Question words first: a term standing in both is posted once, with its question bit.
    for (const t of tokenize(question)) this.post(t, slot, 1);
    for (const t of tokenize(rest)) this.post(t, slot, 0);
    return slot;
  }

  private post(term: string, slot: number, inQuestion: number): void {
    let p = this.terms.get(term);
    if (!p) {
      p = { data: new Uint8Array(8), length: 0, last: -1 };
      this.terms.set(term, p);
      this.sorted = null;
    } else if (p.last === slot) return;
    this.bytes += append(p, ((slot - p.last) << 1) | inQuestion);
    p.last = slot;
  }

  remove(slot: number): void {
    if (slot < this.slots && this.alive[slot]) {
      this.alive[slot] = 0;
      this.dead++;
    }
  }

  /** More dead slots than live ones: rebuilding would halve the index. */
  get compactable(): boolean {
    return this.dead > 1000 && this.dead > this.slots - this.dead;
  }

  size() {
    return { documents: this.slots - this.dead, terms: this.terms.size, bytes: this.bytes };
  }

  /**
   * The live slots holding every word of `text` (the last one as a prefix), question matches
   * first. `extra` adds terms from elsewhere (the user's notes), to the slots holding them.
   */
  search(text: string, extra?: ReadonlyMap<string, ReadonlySet<number>>): Int32Array {
    const words = tokenize(text).slice(0, 250);
    if (!words.length) return new Int32Array(0);
    const hit = new Uint8Array(this.slots);
    const inQ = new Uint8Array(this.slots);
    const credited = new Uint8Array(this.slots);
    for (let i = 0; i < words.length; i++) {
      const [now, next] = [i, i + 1];
      for (const term of this.expand(words[i]!, i === words.length - 1, extra)) {
        const p = this.terms.get(term);
        if (p) {
          // The postings decoded in place: a call per posting costs more than the rest together.
          const { data, length } = p;
          let slot = -1;
          for (let at = 0; at < length;) {
            let v = 0;
            let shift = 0;
            let b: number;
            do {
              b = data[at++]!;
              v |= (b & 0x7f) << shift;
              shift += 7;
            } while (b & 0x80);
            slot += v >>> 1;
            const h = hit[slot]!;
            if (h === now) hit[slot] = next;
            else if (h !== next) continue;
            if (v & 1 && credited[slot] !== next) {
              credited[slot] = next;
              inQ[slot]!++;
            }
          }
        }
        for (const slot of extra?.get(term) ?? []) if (hit[slot] === now) hit[slot] = next;
      }
    }
    const n = words.length;
    const counts = new Int32Array(n + 2);
    for (let slot = 0; slot < this.slots; slot++)
      if (hit[slot] === n && this.alive[slot]) counts[n - inQ[slot]! + 1]!++;
    for (let t = 1; t < counts.length; t++) counts[t]! += counts[t - 1]!;
    const out = new Int32Array(counts[n + 1]!);
    for (let slot = 0; slot < this.slots; slot++)
      if (hit[slot] === n && this.alive[slot]) out[counts[n - inQ[slot]!]!++] = slot;
    return out;
  }

  /** The index terms a query word stands for (and the extra ones). */
  private expand(word: string, last: boolean, extra?: ReadonlyMap<string, unknown>): Set<string> {
    const han = isHanToken(word);
    const lone = han && word.length === 1;
    if (!lone && (!last || han)) return new Set([word]);
    const out = new Set<string>();
    const sorted = this.sortedTerms();
    if (lone) {
      for (const t of sorted) if (t.includes(word)) out.add(t);
    } else {
      for (let i = lowerBound(sorted, word); i < sorted.length && sorted[i]!.startsWith(word); i++)
        out.add(sorted[i]!);
    }
    for (const t of extra?.keys() ?? []) if (lone ? t.includes(word) : t.startsWith(word)) out.add(t);
    return out;
  }

  private sortedTerms(): string[] {
    return (this.sorted ??= [...this.terms.keys()].sort());
  }
}

interface Posting {
  data: Uint8Array;
  length: number;
  last: number;
}

function grow(a: Uint8Array, need: number): Uint8Array {
  const next = new Uint8Array(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

function append(p: Posting, value: number): number {
  const start = p.length;
  if (p.length + 5 > p.data.length) p.data = grow(p.data, p.length + 5);
  let v = value;
  while (v >= 0x80) {
    p.data[p.length++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  p.data[p.length++] = v;
  return p.length - start;
}

function lowerBound(sorted: readonly string[], key: string): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
