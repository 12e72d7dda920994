import {
  canSplit,
  CARD_PARTS_FORMAT,
  cardHash,
  childPrefixes,
  fieldsBytes,
  isSplit,
  partId,
  SPLIT_ABOVE,
} from '../../domain/sync/cardParts';
import { cardOfField } from '../../domain/sync/cardFields';
import { mergeFields, readFields, sameFields, type FieldMap } from '../../domain/sync/fields';
import { checkFormat } from '../../domain/sync/format';
import type { CouchDatabase } from './couch';
import type { RemoteFields } from './syncFields';

/** A document holding fields (not split), as read: where it is and what it holds. */
interface Part {
  prefix: string;
  id: string;
  rev?: string;
  fields: FieldMap;
}

type Doc = { _id: string; _rev: string };

/** The documents of `prefixes` under `rootId` that are there, by prefix (a split one's parts in one request). */
async function partsThere(
  remote: CouchDatabase,
  rootId: string,
  prefixes: string[],
): Promise<Map<string, Doc>> {
  const docs = (await remote.docs(prefixes.map((p) => partId(rootId, p)))) as Doc[];
  const byId = new Map(docs.map((d) => [d._id, d]));
  const out = new Map<string, Doc>();
  for (const p of prefixes) {
    const doc = byId.get(partId(rootId, p));
    if (doc) {
      checkFormat(doc);
      out.set(p, doc);
    }
  }
  return out;
}

/**
 * A role's card data on the server (cardParts.ts): the document, or, once split, the fields of all
 * its parts, read a level of parts per request; a part not there holds nothing yet. Writing puts
 * each field in the part its card's hash leads to, and splits a part whose fields would pass
 * SPLIT_ABOVE: its parts are written first (merged with any a split cut short left there), then
 * the mark, over the revision read, so a device that wrote the part meanwhile makes the merge
 * start again and nothing it wrote is lost.
 */
export async function cardDataParts(remote: CouchDatabase, rootId: string): Promise<RemoteFields> {
  const root = (await remote.find(rootId)) as Doc | null;
  const parts: Part[] = [];
  let level = root ? [{ prefix: '', doc: root }] : [];
  while (level.length) {
    const split: string[] = [];
    for (const { prefix, doc } of level)
      if (isSplit(doc) && canSplit(prefix)) split.push(...childPrefixes(prefix));
      else parts.push({ prefix, id: doc._id, rev: doc._rev, fields: readFields(doc) });
    const there = await partsThere(remote, rootId, split);
    level = [];
    for (const prefix of split) {
      const doc = there.get(prefix);
      if (doc) level.push({ prefix, doc });
      else parts.push({ prefix, id: partId(rootId, prefix), fields: {} });
    }
  }
  const write = async (merged: FieldMap): Promise<boolean> => {
    const held = new Map(parts.length ? parts.map((p) => [p.prefix, {}]) : [['', {}]]) as Map<
      string,
      FieldMap
    >;
    const hashes = new Map<string, string>();
    for (const [path, field] of Object.entries(merged)) {
      const card = cardOfField(path);
      const hash = hashes.get(card) ?? cardHash(card);
      hashes.set(card, hash);
      for (let n = 0; n <= hash.length; n++) {
        const fields = held.get(hash.slice(0, n));
        if (fields) {
          fields[path] = field;
          break;
        }
      }
    }
    const byPrefix = new Map(parts.map((p) => [p.prefix, p]));
    for (const [prefix, fields] of held) {
      const part = byPrefix.get(prefix) ?? { prefix, id: rootId, fields: {} };
      if (!(await writePart(remote, rootId, part, fields, hashes))) return false;
    }
    return true;
  };
  return { fields: root ? Object.assign({}, ...parts.map((p) => p.fields)) : null, write };
}

async function writePart(
  remote: CouchDatabase,
  rootId: string,
  part: Part,
  fields: FieldMap,
  hashes: Map<string, string>,
): Promise<boolean> {
  if (sameFields(fields, part.fields)) return true;
  const doc = (rest: Record<string, unknown>) =>
    ({ _id: part.id, ...(part.rev && { _rev: part.rev }), kind: 'fields', ...rest }) as { _id: string };
  if (fieldsBytes(fields) <= SPLIT_ABOVE || !canSplit(part.prefix))
    // The whole document stays in the format every earlier app reads.
    return remote.update(doc({ format: part.prefix ? CARD_PARTS_FORMAT : 1, fields }));
  const prefixes = childPrefixes(part.prefix);
  const groups = new Map<string, FieldMap>(prefixes.map((p) => [p, {}]));
  for (const [path, field] of Object.entries(fields)) {
    const card = cardOfField(path);
    const hash = hashes.get(card) ?? cardHash(card);
    groups.get(hash.slice(0, part.prefix.length + 1))![path] = field;
  }
  // Parts left by a split cut short (its mark never written) are never split themselves: no one
  // reads them until the mark is there.
  const there = await partsThere(remote, rootId, prefixes);
  for (const prefix of prefixes) {
    const doc = there.get(prefix);
    const old = doc ? readFields(doc) : {};
    const child: Part = { prefix, id: partId(rootId, prefix), ...(doc && { rev: doc._rev }), fields: old };
    if (!(await writePart(remote, rootId, child, mergeFields(old, groups.get(prefix)!), hashes)))
      return false;
  }
  return remote.update(doc({ format: CARD_PARTS_FORMAT, split: true, fields: {} }));
}
