import type Dexie from 'dexie';

/*
 * The versions of the schema: the stores each declares, oldest first (upgrades.ts holds their
 * upgrades, and declares these with them). A change adds a version (with its upgrade), never edits
 * one, and updates the newest schema in latest.ts to what the versions now add up to.
 */

/**
 * Every version of the schema, oldest first. Declared after latest.ts's whole newest version, the
 * newest one's changes (a table set to null) merge into it: Dexie derives each version's stores
 * from all versions in version order, whatever order they were declared in.
 */
export function declareVersions(db: Dexie): void {
  db.version(1).stores({
    decks: 'id',
    cards: 'id, deckId',
    states: 'cardId, deckId, [deckId+queue+due], due',
    logs: 'id, cardId, review, [deckId+review]',
    settings: 'key',
  });
  // v2: per-role day rollups of the review logs, so statistics need not read every log.
  db.version(2).stores({ days: '[deckId+day]' });
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
  db.version(5).stores({});
  // v6: queue floors (queueFloors.ts) for every queue, kept by a middleware; v5's new-card hints
  // (the New floors, kept by hand) become their first rows.
  db.version(6).stores({ floors: 'deckId' });
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
  db.version(11).stores({ changes: null });
  // v12: review batches a first pull received, one record each in columns (sync/pulledBlocks.ts),
  // written into `logs` afterwards in the background: a million rows of `logs` cost minutes.
  db.version(12).stores({ pulledBlocks: 'key' });
}
