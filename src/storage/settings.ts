import { dropInvalidSettings, settingsIssues } from '../domain/settings/schema';
import { defaultSettings, type Settings } from '../domain/settings/settings';
import type { AppDb } from './db';

const KEY = 'settings';

/** Settings refused by saveSettings: out of the bounds every reader of them relies on. */
export class InvalidSettingsError extends Error {
  override name = 'InvalidSettingsError';
  constructor(readonly fields: string[]) {
    super(`settings out of range: ${fields.join(', ')}`);
  }
}

/** Stored settings, a value out of bounds (saved before there were bounds) replaced by its default. */
export async function loadSettings(db: AppDb): Promise<Settings> {
  const row = await db.settings.get(KEY);
  const stored = dropInvalidSettings(row?.value);
  return { ...defaultSettings, ...stored, roles: { ...defaultSettings.roles, ...stored.roles } };
}

/** Writes settings only if every value is within bounds: what is stored, a backup can restore. */
export async function saveSettings(db: AppDb, settings: Settings): Promise<void> {
  const issues = settingsIssues(settings);
  if (issues.length) throw new InvalidSettingsError(issues.map((i) => i.field));
  await db.settings.put({ key: KEY, value: settings });
}
