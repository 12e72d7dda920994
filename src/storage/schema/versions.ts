import Dexie, { type Transaction } from 'dexie';

/*
 * The versions of the schema and their upgrades. An upgrade is frozen when its version ships: it
 * calls no live code (no domain or storage function that may change later), only what is written
 * here, so upgrading an old database gives the same rows whatever the app has become since.
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

/** Every version of the schema, oldest first. A change adds a version (with its upgrade), never edits one. */
export function defineSchema(db: Dexie): void {
  db.version(1).stores({
    decks: 'id',
    cards: 'id, deckId',
    states: 'cardId, deckId, [deckId+queue+due], due',
    logs: 'id, cardId, review, [deckId+review]',
    settings: 'key',
  });
  // v2: per-role day rollups of the review logs, so statistics need not read every log.
  db.version(2).stores({ days: '[deckId+day]' }).upgrade(v2BuildRollups);
  // v3: cards by topic, so statistics map cards to topics from the index, never loading card content.
  db.version(3).stores({ cards: 'id, deckId, [deckId+topic]' });
  // v4: derived data kept beside the records, and what changed since it was built (changeTracking.ts):
  // per-role state snapshots for statistics, and the review logs in blocks per role and month for export.
  db.version(4).stores({
    changes: 'key, [kind+deckId]',
    snapshots: 'deckId',
    logBlocks: '[deckId+month]',
  });
  // v5: card marks become one row per deck (changeTracking.ts says why); v4's per-card rows and
  // the snapshots they would have patched are dropped, and the snapshots rebuilt when next read.
  db.version(5)
    .stores({})
    .upgrade(async (tx) => {
      await tx
        .table('changes')
        .where('[kind+deckId]')
        .between(['card', Dexie.minKey], ['card', Dexie.maxKey])
        .delete();
      await tx.table('snapshots').clear();
    });
  // v6: queue floors (queueFloors.ts) for every queue, kept by a middleware; v5's new-card hints
  // (the New floors, kept by hand) become their first rows.
  db.version(6)
    .stores({ floors: 'deckId' })
    .upgrade(async (tx) => {
      const hints = (await tx.table('settings').get('newFrom'))?.value as unknown;
      const floors =
        typeof hints === 'object' && hints !== null
          ? Object.entries(hints).flatMap(([deckId, position]) =>
              typeof position === 'number' ? [{ deckId, floors: { 0: position } }] : [],
            )
          : [];
      await tx.table('floors').bulkPut(floors);
      await tx.table('settings').delete('newFrom');
    });
  // v7: a review log may record the key points ticked (`keyPointsHit`, `keyPointsTotal`), and log
  // blocks gain those two columns. Nothing is rewritten: older logs and blocks simply lack them.
  // The version exists so that an older app refuses this database instead of writing logs (and
  // backups) that drop the new fields.
  db.version(7).stores({});
  // v8: mock interviews (src/domain/mock), one row each, listed by when they started.
  db.version(8).stores({ mocks: 'id, startedAt' });
  // v9: the user's notes, one per card, in a table of their own so deck sync never touches them.
  // States may now be buried (queue -3, `buriedUntil`), flagged (`flag`) and marked a leech
  // (`leech`): nothing is rewritten, older states simply lack them; the version makes an older
  // app refuse this database rather than write states that drop them.
  db.version(9).stores({ notes: 'cardId, deckId' });
  // v10: the change sequence (changeSequence.ts): what each transaction changed in states, logs,
  // notes and cards, under its number; and `meta`, the home of the app's own bookkeeping. Nothing
  // is rewritten: rows from before have no entries, which readers covering nothing yet read whole.
  db.version(10).stores({ changeLog: 'usn', meta: 'key' });
  // v11: snapshots and log blocks catch up from the change sequence (each records the number it
  // covers) instead of v4's `changes` marks, which go; the app's bookkeeping moves from `settings`
  // to `meta`. A role whose snapshot had marks loses it (rebuilt when next read); the others cover
  // the sequence's current number. Marked log months become the blocks' months still to build.
  db.version(11).stores({ changes: null }).upgrade(v11ToMeta);
}
