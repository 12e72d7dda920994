import type { CardEntry } from './stateSnapshot';

/**
 * The settings key holding each role's snapshot version: a new random number whenever a snapshot
 * is written, by any connection. A `data.` key, so backups and restores leave it alone.
 */
export const SNAPSHOT_VERSIONS_KEY = 'data.snapshotVersions';

export type SnapshotVersions = Record<string, number>;

export const newVersion = (): number => Math.random();

/**
 * Snapshots a long-lived connection (the statistics worker) already holds, unpacked, with the
 * version each was derived from. An entry is reused while the stored version is unchanged, patched
 * with whatever was marked since; reading and unpacking 100k states again is what it saves.
 * Loads take turns, so a request that arrives during another's load reuses what it read.
 */
export class SnapshotCache {
  private readonly held = new Map<string, { version: number; entries: CardEntry[] }>();
  private turn: Promise<unknown> = Promise.resolve();

  get(deckId: string, version: number | undefined): CardEntry[] | undefined {
    const hit = this.held.get(deckId);
    return hit && version !== undefined && hit.version === version ? hit.entries : undefined;
  }

  set(deckId: string, version: number | undefined, entries: CardEntry[]): void {
    if (version === undefined) this.held.delete(deckId);
    else this.held.set(deckId, { version, entries });
  }

  /** Runs `load` once every load started before it has settled (its snapshots written). */
  inTurn<T>(load: () => Promise<{ value: T; settled: Promise<unknown> }>): Promise<T> {
    const run = this.turn.then(load);
    this.turn = run.then((r) => r.settled).catch(() => undefined);
    return run.then((r) => r.value);
  }
}
