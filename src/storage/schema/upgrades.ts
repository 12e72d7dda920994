import Dexie, { type Transaction } from 'dexie';
import { declareLatest } from './latest';
import { declareVersions } from './versions';

/*
 * The upgrades of the schema's versions (versions.ts declares their stores). An upgrade is frozen
 * when its version ships: it calls no live code (no domain or storage function that may change
 * later), only what is written here, so upgrading an old database gives the same rows whatever the
 * app has become since. The first screen loads this module only when the stored database is older
 * than the app's (appDb.ts), and declares only the newest version before (latest.ts).
 */

const HOUR = 3_600_000;
const DAY_MS = 86_400_000;

/** v2: the day rollups built from every log, as version 2 defined them. */
async function v2BuildRollups(tx: Transaction): Promise<void> {
  const settings = tx.table('settings');
  const stored = (await settings.get('daysRollover'))?.value;
  const rollover =
    typeof stored === 'number'
      ? stored
      : (((await settings.get('settings'))?.value as { rolloverHour?: number } | undefined)?.rolloverHour ??
        4);
  const rows = new Map<string, Record<string, number | string>>();
  await tx
    .table('logs')
    .each((log: { deckId: string; review: number; state: number; rating: number; durationMs: number }) => {
      const shifted = new Date(log.review - rollover * HOUR);
      const day = Math.round(Date.UTC(shifted.getFullYear(), shifted.getMonth(), shifted.getDate()) / DAY_MS);
      const id = `${log.deckId}\u0000${day}`;
      const row = rows.get(id) ?? {
        deckId: log.deckId,
        day,
        count: 0,
        timeMs: 0,
        fresh: 0,
        mature: 0,
        maturePass: 0,
      };
      const mature = log.state === 2;
      rows.set(id, {
        ...row,
        count: (row.count as number) + 1,
        timeMs: (row.timeMs as number) + log.durationMs,
        fresh: (row.fresh as number) + (log.state === 0 ? 1 : 0),
        mature: (row.mature as number) + (mature ? 1 : 0),
        maturePass: (row.maturePass as number) + (mature && log.rating !== 1 ? 1 : 0),
      });
    });
  await tx.table('days').clear();
  await tx.table('days').bulkPut([...rows.values()]);
  await settings.put({ key: 'daysRollover', value: rollover });
}

interface V10Mark {
  kind: string;
  deckId: string;
  month?: number;
}

/** v11: the v10 bookkeeping in `settings` and the `changes` marks, into `meta`, as version 11 defined it. */
async function v11ToMeta(tx: Transaction): Promise<void> {
  const settings = tx.table('settings');
  const value = async (key: string) => (await settings.get(key))?.value as unknown;
  const last = await tx.table('changeLog').orderBy('usn').lastKey();
  const usn = typeof last === 'number' ? last : 0;
  const marks = (await tx.table('changes').toArray()) as V10Mark[];

  const rolled = await value('daysRollover');
  const chosen = (await value('settings')) as { rolloverHour?: unknown } | undefined;
  const rollover =
    typeof rolled === 'number' ? rolled : typeof chosen?.rolloverHour === 'number' ? chosen.rolloverHour : 4;

  const snapshots = tx.table('snapshots');
  const cardMarks = marks.filter((m) => m.kind === 'card');
  if (cardMarks.some((m) => m.deckId === '*')) await snapshots.clear();
  else await snapshots.bulkDelete(cardMarks.map((m) => m.deckId));
  const kept = (await snapshots.toCollection().primaryKeys()) as string[];

  const format = await value('data.logBlocks');
  const logMarks = marks.filter((m) => m.kind === 'log');
  const blocksKnown = typeof format === 'number' && !logMarks.some((m) => m.deckId === '*');
  const pending = logMarks.flatMap((m) => (m.month === undefined ? [] : [[m.deckId, m.month]]));
  const notes = await value('data.notesStamp');

  await tx
    .table('meta')
    .bulkPut([
      { key: 'rollupRollover', value: rollover },
      { key: 'snapshots', value: Object.fromEntries(kept.map((id) => [id, usn])) },
      ...(blocksKnown ? [{ key: 'logBlocks', value: { format, usn, pending } }] : []),
      ...(typeof notes === 'number' ? [{ key: 'notesStamp', value: notes }] : []),
    ]);
  await settings.bulkDelete(['daysRollover', 'data.snapshotVersions', 'data.logBlocks', 'data.notesStamp']);
}

/** v5: v4's per-card marks and the snapshots they would have patched go (rebuilt when next read). */
const v5DropCardMarks = async (tx: Transaction): Promise<void> => {
  await tx
    .table('changes')
    .where('[kind+deckId]')
    .between(['card', Dexie.minKey], ['card', Dexie.maxKey])
    .delete();
  await tx.table('snapshots').clear();
};

/** v6: v5's new-card hints become the first queue floors. */
const v6FloorsFromHints = async (tx: Transaction): Promise<void> => {
  const hints = (await tx.table('settings').get('newFrom'))?.value as unknown;
  const floors =
    typeof hints === 'object' && hints !== null
      ? Object.entries(hints).flatMap(([deckId, position]) =>
          typeof position === 'number' ? [{ deckId, floors: { 0: position } }] : [],
        )
      : [];
  await tx.table('floors').bulkPut(floors);
  await tx.table('settings').delete('newFrom');
};

/** Each version's upgrade, by version. */
export const UPGRADES: Record<number, (tx: Transaction) => Promise<void>> = {
  2: v2BuildRollups,
  5: v5DropCardMarks,
  6: v6FloorsFromHints,
  11: v11ToMeta,
};

/**
 * Declares every version before the newest, and the upgrades, on a database not open yet (whether
 * or not the newest version is declared already): what upgrading an older database needs.
 */
export function attachUpgrades(db: Dexie): void {
  declareVersions(db);
  for (const [version, upgrade] of Object.entries(UPGRADES)) db.version(Number(version)).upgrade(upgrade);
}

/** The whole schema: the newest version, and every version before it with its upgrade. */
export function defineSchema(db: Dexie): void {
  declareLatest(db);
  attachUpgrades(db);
}
