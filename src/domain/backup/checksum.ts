import { hashString } from '../deck/hash';

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A fingerprint of a set of records that ignores their order and their keys' order. */
export function checksum<T>(records: readonly T[], key: (record: T) => string): string {
  const lines = records.map((r) => [key(r), stable(r)] as const);
  lines.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${records.length}:${hashString(lines.map(([, line]) => line).join('\n'))}`;
}
