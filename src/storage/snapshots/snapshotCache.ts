import { SNAPSHOTS_META } from '../derived/keys';
import type { StateSnapshot } from './stateSnapshot';

/**
 * Each role's stored snapshot's version, in `meta` under SNAPSHOTS_META: the change sequence
 * number it covers (it moves on whenever the snapshot is written, or found still current).
 */
export { SNAPSHOTS_META };

export type SnapshotVersions = Record<string, number>;

/** A snapshot held, and the change sequence number it covers (its version, or later once patched). */
export interface Held {
  snap: StateSnapshot;
  covered: number;
}

/**
 * Snapshots a long-lived connection (the statistics worker) already holds, with the version each
 * was derived from. An entry is reused while the stored version is unchanged, patched with
 * whatever the change sequence shows changed since the number it covers; reading 100k states again is what it saves. Loads take turns, so a request that
 * arrives during another's load reuses what it read; requests for the same roles that arrive while
 * a load is still waiting for its turn share that one load (it starts after all of them arrived,
 * so it sees every write made before any of them). What it holds (about 10 MB of columns at 100k
 * cards) is let go after `forgetAfterMs` without a load: the page may stay open for days.
 */
export class SnapshotCache {
  private readonly held = new Map<string, Held & { version: number }>();
  private turn: Promise<unknown> = Promise.resolve();
  /** Loads waiting for their turn, by what they read: a later request for the same joins one. */
  private waiting = new Map<string, Promise<unknown>>();
  private unsaved = new Map<string, unknown>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private forgetTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly forgetAfterMs = 10 * 60_000) {}

  get(deckId: string, version: number | undefined): Held | undefined {
    const hit = this.held.get(deckId);
    return hit && version !== undefined && hit.version === version ? hit : undefined;
  }

  set(deckId: string, version: number | undefined, snap: StateSnapshot, covered = version): void {
    if (version === undefined || covered === undefined) this.held.delete(deckId);
    else this.held.set(deckId, { version, snap, covered });
  }

  /**
   * Writes the latest of each role's loads `ms` after the last load, not at once: writing 100k
   * states takes a readwrite transaction that the next request's read would queue behind.
   */
  saveLater<L extends { deckId: string }>(loaded: L[], save: (all: L[]) => Promise<void>, ms = 2000): void {
    for (const l of loaded) this.unsaved.set(l.deckId, l);
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      const all = [...this.unsaved.values()] as L[];
      this.unsaved.clear();
      void save(all);
    }, ms);
  }

  /**
   * Runs `load` after every load started before it; with a `key` (what it reads), joins a load
   * with the same key that has not started yet instead (Today's glance asks again once its roles
   * are known, and statistics opened meanwhile ask for the same snapshots).
   */
  inTurn<T>(load: () => Promise<T>, key?: string): Promise<T> {
    clearTimeout(this.forgetTimer);
    this.forgetTimer = setTimeout(() => this.held.clear(), this.forgetAfterMs);
    const queued = key === undefined ? undefined : this.waiting.get(key);
    if (queued) return queued as Promise<T>;
    const run = this.turn.then(() => {
      if (key !== undefined) this.waiting.delete(key);
      return load();
    });
    if (key !== undefined) this.waiting.set(key, run);
    this.turn = run.catch(() => undefined);
    return run;
  }
}
