import { DECKS_DOC } from '../../domain/sync/deckDocs';
import { noteChangesCovered } from '../../storage/changeLogPruning';
import { rolesChangedSince } from '../../storage/sync/cardData';
import { outbox } from '../../storage/sync/outbox';
import { rejoinIfRestored } from '../../storage/sync/rejoin';
import { replayAgainLater } from '../../storage/sync/storePulled';
import { loadProgress, saveProgress, waitingFieldDocs } from '../../storage/sync/syncDb';
import { undoneSentUsn } from '../../storage/sync/undoneOutbox';
import { syncUserDecks } from './decksSync';
import { firstPage, pullReviews, pushReviews, pushUndone } from './reviewsSync';
import { syncFieldDoc } from './syncFields';
import type { SyncCounts, SyncRun } from './syncRun';
import { cardDataDoc, FIELD_DOCS, fsrsParamsDoc, settingsDoc } from './syncSettings';

export type { SyncCounts, SyncRun } from './syncRun';

/**
 * One sync: a record of each review undone here pushed; this device's new reviews pushed as
 * immutable batches; the reviews (and undos) the server has that this device has not applied,
 * applied; then the settings, optimizer parameters, and each changed role's card data merged field
 * by field. Each step is recorded as it completes, so a sync cut short
 * (offline, tab closed) resumes where it stopped and repeats nothing that matters: a batch written
 * twice is refused by the server, a review applied twice is a no-op.
 */
export async function runSync(run: SyncRun): Promise<SyncCounts> {
  const { db, sync, remote } = run;
  // Cards the merges (decks, card data) replay from their rows alone while a large pull's blocks
  // are not all written into `logs` yet are replayed again once they are (replayAgainLater).
  const merged: string[] = [];
  const merging = (ids: string[]) => {
    merged.push(...ids);
    run.onApplied?.(ids);
  };
  const counts: SyncCounts = { pushed: 0, pulled: 0 };
  if (!run.databaseKnown) await remote.ensure();
  // Before a restore is found: that forgets where the push stood, not what was undone since.
  await pushUndone(run);
  await rejoinIfRestored(db, sync);
  // The settings, optimizer parameters and decks documents are asked for only when the changes
  // feed lists them since their last merge (or that is not known): the feed's first page is read
  // now, before the decks, and when it is the whole feed it says whether theirs changed.
  await waitingFieldDocs(sync, FIELD_DOCS);
  const first = await firstPage(run);
  const waits = async (id: string) => (await waitingFieldDocs(sync, FIELD_DOCS)).includes(id);
  // Decks before reviews: the reviews of an imported deck's cards then find their cards.
  const decksChanged = await syncUserDecks(
    { ...run, onApplied: merging },
    {
      serverUnchanged: first.complete && !(await waits(DECKS_DOC)),
    },
  );
  const box = await outbox(db, sync);
  // A device that must offer everything pulls first, to learn what the server has; any other
  // pushes first, so that its reviews reach the server even if the pull then stops.
  if (!box.everything) await pushReviews(run, counts, box);
  await pullReviews(run, counts, box, first);
  if (box.everything) {
    await pushReviews(run, counts, box);
    // On past its own batches (not downloaded), so that its next sync's feed starts after them.
    await pullReviews(run, counts, { ...box, everything: false });
  }
  let changed = decksChanged;
  for (const doc of [settingsDoc(db), fsrsParamsDoc(db)])
    if (await syncFieldDoc(doc, sync, remote, run.now(), { serverUnchanged: !(await waits(doc.id)) }))
      changed = true;
  if (changed) run.onSettingsChanged?.();
  // The roles whose card data changed here, and those the feed said changed on the server (kept
  // until merged, so a sync that stops before the merge leaves them to the next).
  const pulled = await loadProgress(sync);
  const { deckIds, usn: cardsUsn, cards } = await rolesChangedSince(db, pulled.cardsUsn);
  const onServer = new Set(pulled.cardRoles);
  // A role whose cards changed here by reviews alone (a day's reviews touch every role): the
  // fields of those cards are compared with the last merge, and the server asked only if one differs.
  for (const deckId of new Set([...deckIds, ...onServer]))
    await syncFieldDoc(
      cardDataDoc(db, deckId, run.now(), merging, run.schedulerFor(deckId), cards.get(deckId)),
      sync,
      remote,
      run.now(),
      { serverUnchanged: !onServer.has(deckId) },
    );
  await replayAgainLater(db, merged);
  const { cardRoles: _merged, ...progress } = await loadProgress(sync);
  await saveProgress(sync, { ...progress, cardsUsn });
  // The change log's rows sync reads next time (above the last push, card-data merge and undo
  // records sent) stay.
  const { pushedUsn } = await loadProgress(sync);
  if (pushedUsn !== undefined)
    await noteChangesCovered(db, 'sync', Math.min(pushedUsn, cardsUsn, await undoneSentUsn(sync)));
  return counts;
}
