import {
  fieldValues,
  mergeFields,
  readFields,
  sameFields,
  stampEdits,
  type FieldMap,
} from '../../domain/sync/fields';
import {
  fieldBaseComplete,
  fieldDocMerged,
  loadFieldBase,
  loadProgress,
  saveFieldBase,
  type SyncDb,
} from '../../storage/sync/syncDb';
import type { CouchDatabase } from './couch';

/** A field document as the server holds it, read for one merge. */
export interface RemoteFields {
  /** Its fields; null when the server has none. */
  fields: FieldMap | null;
  /** Writes `merged` (every field read, and this device's); false when another write came first. */
  write: (merged: FieldMap) => Promise<boolean>;
}

/** The field document `id` on the server, one document. */
async function oneDocument(remote: CouchDatabase, id: string): Promise<RemoteFields> {
  const there = await remote.find(id);
  return {
    fields: there ? readFields(there) : null,
    write: (merged) =>
      remote.update({
        _id: id,
        ...(there && { _rev: there._rev }),
        kind: 'fields',
        fields: merged,
      } as { _id: string; _rev?: string }),
  };
}

/** One kind of the user's data as fields: read here, the defaults of its fields, written back. */
export interface FieldDoc {
  id: string;
  /** How it is read from the server and written there (one document when absent). */
  remote?: (remote: CouchDatabase, id: string) => Promise<RemoteFields>;
  load: () => Promise<Record<string, unknown>>;
  /** The values of the fields that may have changed here since the last merge (all when absent). */
  loadChanged?: () => Promise<Record<string, unknown>>;
  /** A new field holding its default is no edit. */
  defaults: (values: Record<string, unknown>) => Record<string, unknown>;
  /**
   * Writes merged values that differ from what was loaded; false when they cannot be stored. Or
   * whether anything changed and the fields it could not store (yet): those stay as they are here
   * without becoming this device's edits, and are tried again on each sync.
   */
  save: (values: Record<string, unknown>) => Promise<boolean | { changed: boolean; refused: string[] }>;
}

const differs = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.entries(a).some(([k, v]) => JSON.stringify(v) !== JSON.stringify(b[k]));

/**
 * Merges a field document with the server's, field by field (the later edit of each field wins,
 * by its logical clock), and writes the result to both. A device merging it for the first time
 * takes the server's value of every field the server has and offers its own for the rest: a new
 * device's defaults never overwrite what the user chose elsewhere. Returns whether this device's
 * data changed. `serverUnchanged`: the changes feed shows no write of the document since this
 * device last merged it; then, if nothing changed here either and that merge stored every value,
 * there is nothing to merge and the server is not asked.
 */
export async function syncFieldDoc(
  doc: FieldDoc,
  sync: SyncDb,
  remote: CouchDatabase,
  now: number,
  { serverUnchanged = false }: { serverUnchanged?: boolean } = {},
): Promise<boolean> {
  const { deviceId } = await loadProgress(sync);
  if (serverUnchanged && (await fieldBaseComplete(sync, doc.id))) {
    const [base, some] = await Promise.all([loadFieldBase(sync, doc.id), (doc.loadChanged ?? doc.load)()]);
    if (base && sameFields(stampEdits(base, some, now, deviceId, doc.defaults(some)), base)) return false;
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const [there, base, local] = await Promise.all([
      (doc.remote ?? oneDocument)(remote, doc.id),
      loadFieldBase(sync, doc.id),
      doc.load(),
    ]);
    const theirs = there.fields ?? {};
    const mine = stampEdits(base ?? {}, local, base ? now : 0, deviceId, doc.defaults(local));
    const merged = base ? mergeFields(mine, theirs) : { ...mine, ...theirs };
    if (there.fields ? !sameFields(merged, theirs) : Object.keys(merged).length > 0) {
      // Another device wrote meanwhile: merge with theirs again.
      if (!(await there.write(merged))) continue;
    }
    const values = fieldValues(merged);
    // Values another device (maybe a newer app) wrote that this one cannot store stay as they
    // are here: as this device's edits on the next sync, unless `save` names them refused.
    const saved = differs(values, local) && (await doc.save(values));
    const kept = { ...merged };
    if (typeof saved === 'object')
      for (const path of saved.refused) {
        const v = path in local ? local[path] : (doc.defaults({ [path]: null })[path] ?? null);
        if (merged[path]) kept[path] = { v, c: merged[path].c };
      }
    await saveFieldBase(sync, doc.id, kept, typeof saved === 'object' && saved.refused.length > 0);
    await fieldDocMerged(sync, doc.id);
    return typeof saved === 'object' ? saved.changed : saved;
  }
  return false;
}
