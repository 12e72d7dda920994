import { defaultSettings, type Settings } from '../domain/settings/settings';
import type { AppDb } from './db';

const KEY = 'settings';

export async function loadSettings(db: AppDb): Promise<Settings> {
  const row = await db.settings.get(KEY);
  const stored = (row?.value ?? {}) as Partial<Settings>;
  return { ...defaultSettings, ...stored, roles: { ...defaultSettings.roles, ...stored.roles } };
}

export async function saveSettings(db: AppDb, settings: Settings): Promise<void> {
  await db.settings.put({ key: KEY, value: settings });
}
