import { validateDeck } from '../../domain/deck/validate';
import { isUserDeckId } from '../../domain/import/userDeck';
import {
  deckChunkId,
  deckChunks,
  deckFromChunks,
  DECKS_DOC,
  isDeckRef,
  type DeckRef,
} from '../../domain/sync/deckDocs';
import { deleteSyncedDeck, storeSyncedDeck, userDeckContent, userDeckHashes } from '../../storage/sync/decks';
import type { FieldMap } from '../../domain/sync/fields';
import { loadFieldBase } from '../../storage/sync/syncDb';
import { syncFieldDoc, type FieldDoc } from './syncFields';
import type { SyncRun } from './syncRun';

/**
 * The imported decks (deckDocs.ts): the content of each deck imported or changed here since the
 * last merge goes up as chunks, then `fields:decks` is merged; a deck another device imported,
 * changed or deleted later than this one is stored or deleted here. A deck this app cannot read
 * (a chunk missing, a newer format, content that fails the deck checks) is left as it is here and
 * tried again on the next sync, never written back over the other device's. `serverUnchanged`:
 * the changes feed shows no write of `fields:decks` since the last merge (syncFieldDoc). Returns
 * whether any deck here changed.
 */
export async function syncUserDecks(
  run: SyncRun,
  { serverUnchanged = false }: { serverUnchanged?: boolean } = {},
): Promise<boolean> {
  const { db, sync, remote } = run;
  const [hashes, base] = await Promise.all([userDeckHashes(db), loadFieldBase(sync, DECKS_DOC)]);
  const refs = new Map<string, DeckRef>();
  for (const [deckId, hash] of hashes) {
    const known = base?.[deckId]?.v;
    if (isDeckRef(known) && known.hash === hash) {
      refs.set(deckId, known);
      continue;
    }
    const deck = await userDeckContent(db, deckId);
    if (!deck) continue;
    const { ref, docs } = deckChunks(deck, hash);
    // Chunks first: the field that names them is written only once they are all there.
    for (const doc of docs) await remote.create(doc);
    refs.set(deckId, ref);
  }
  const doc: FieldDoc = {
    id: DECKS_DOC,
    load: async () => {
      const values: Record<string, unknown> = Object.fromEntries(refs);
      // A deck that was here at the last merge and is gone was deleted here.
      for (const deckId of Object.keys(base ?? {})) if (!(deckId in values)) values[deckId] = null;
      return values;
    },
    defaults: () => ({}),
    save: async (values) => {
      const refused: string[] = [];
      let changed = false;
      for (const [deckId, value] of Object.entries(values)) {
        const here = refs.get(deckId);
        if (value === null ? !here : isDeckRef(value) && here?.hash === value.hash) continue;
        if (!isUserDeckId(deckId)) refused.push(deckId);
        else if (value === null) {
          await deleteSyncedDeck(db, deckId, run.now());
          changed = true;
        } else if (isDeckRef(value) && (await fetchAndStore(run, deckId, value))) changed = true;
        else refused.push(deckId);
      }
      return { changed, refused };
    },
  };
  const changed = await syncFieldDoc(doc, sync, remote, run.now(), { serverUnchanged });
  await removeSuperseded(run, base);
  return changed;
}

/**
 * The chunks of a deck's content that no device needs any more: what `fields:decks` named before
 * this merge, where it now names other content (or a deletion). A device still reading them is
 * given the new content on its next sync.
 */
async function removeSuperseded(run: SyncRun, before: FieldMap | null): Promise<void> {
  const after = await loadFieldBase(run.sync, DECKS_DOC);
  const ids: string[] = [];
  for (const [deckId, field] of Object.entries(before ?? {})) {
    const old = field.v;
    const now = after?.[deckId]?.v;
    if (!isDeckRef(old) || (isDeckRef(now) && now.hash === old.hash)) continue;
    for (let index = 0; index < old.chunks; index++) ids.push(deckChunkId(deckId, old.hash, index));
  }
  await run.remote.removeAll(ids);
}

/** Reads a deck's chunks and stores it; false when they do not make a deck this app can store. */
async function fetchAndStore(run: SyncRun, deckId: string, ref: DeckRef): Promise<boolean> {
  const chunks: unknown[] = [];
  for (let index = 0; index < ref.chunks; index++) {
    const chunk = await run.remote.find(deckChunkId(deckId, ref.hash, index));
    if (!chunk) return false;
    chunks.push(chunk);
  }
  const raw = deckFromChunks(deckId, ref, chunks);
  const checked = raw === null ? null : validateDeck(raw, deckId, deckId);
  if (!checked || !checked.ok) return false;
  const replayed = await storeSyncedDeck(run.db, checked.deck, ref.hash, run.schedulerFor(deckId));
  if (replayed.length) run.onApplied?.(replayed);
  return true;
}
