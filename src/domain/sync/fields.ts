/**
 * The user's own data that is not a review syncs as one document per kind whose fields merge one
 * by one: each field carries the logical clock of its last edit, and the later edit wins. A field
 * is never dropped because another device changed a different one.
 */

/** A hybrid logical clock: wall time, a counter for edits within one millisecond, the device. */
export interface Clock {
  t: number;
  c: number;
  d: string;
}

export interface Field {
  v: unknown;
  c: Clock;
}

export type FieldMap = Record<string, Field>;

export const compareClocks = (a: Clock, b: Clock): number =>
  a.t - b.t || a.c - b.c || (a.d < b.d ? -1 : a.d > b.d ? 1 : 0);

/** The next clock of `device` at `now`, after every clock it has seen (so it orders after them). */
export function tick(latest: Clock | null, now: number, device: string): Clock {
  if (!latest || now > latest.t) return { t: now, c: 0, d: device };
  return { t: latest.t, c: latest.c + 1, d: device };
}

export function latestClock(map: FieldMap): Clock | null {
  let latest: Clock | null = null;
  for (const f of Object.values(map)) if (!latest || compareClocks(f.c, latest) > 0) latest = f.c;
  return latest;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * This device's values as fields: a value unchanged since the last merge (`base`) keeps its clock;
 * a changed or new one gets a fresh clock, except a new one that is only its default (a role's
 * settings appear whole the first time anything of the role is set: the rest is no edit). Fields
 * only `base` has are kept.
 */
export function stampEdits(
  base: FieldMap,
  values: Record<string, unknown>,
  now: number,
  device: string,
  defaults: Record<string, unknown> = {},
): FieldMap {
  const out: FieldMap = { ...base };
  let latest = latestClock(base);
  for (const [path, v] of Object.entries(values)) {
    if (base[path] ? same(base[path].v, v) : path in defaults && same(defaults[path], v)) continue;
    latest = tick(latest, now, device);
    out[path] = { v, c: latest };
  }
  return out;
}

/**
 * Field by field, the later edit; `b`'s at the same clock (the same edit, or a value this device
 * could not store and keeps under the clock of the one it refused: syncFields.ts).
 */
export function mergeFields(a: FieldMap, b: FieldMap): FieldMap {
  const out: FieldMap = { ...a };
  for (const [path, field] of Object.entries(b)) {
    const mine = out[path];
    if (!mine || compareClocks(field.c, mine.c) >= 0) out[path] = field;
  }
  return out;
}

export const fieldValues = (map: FieldMap): Record<string, unknown> =>
  Object.fromEntries(Object.entries(map).map(([path, f]) => [path, f.v]));

export const sameFields = (a: FieldMap, b: FieldMap): boolean =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.entries(a).every(([path, f]) => b[path] && same(f, b[path]));

/** The fields of a document another device wrote; entries that are not a field are left out. */
export function readFields(doc: unknown): FieldMap {
  const fields = (doc as { fields?: unknown } | null)?.fields;
  if (typeof fields !== 'object' || fields === null) return {};
  const out: FieldMap = {};
  for (const [path, f] of Object.entries(fields as Record<string, unknown>)) {
    const c = (f as Field | null)?.c;
    if (c && Number.isFinite(c.t) && Number.isInteger(c.c) && typeof c.d === 'string')
      out[path] = { v: (f as Field).v, c: { t: c.t, c: c.c, d: c.d } };
  }
  return out;
}
