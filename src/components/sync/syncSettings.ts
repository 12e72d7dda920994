import { defaultSettings } from '../../domain/settings/settings';
import { fieldValues, mergeFields, readFields, sameFields, stampEdits } from '../../domain/sync/fields';
import { defaultFields, settingsFromFields, settingsToFields } from '../../domain/sync/settingsFields';
import type { AppDb } from '../../storage/db';
import { loadSettings, saveSettings } from '../../storage/settings';
import { loadProgress, loadSettingsBase, saveSettingsBase, type SyncDb } from '../../storage/sync/syncDb';
import type { CouchDatabase } from './couch';

export const SETTINGS_DOC = 'fields:settings';

/**
 * Settings, per-role settings and interview dates, merged field by field with the server's
 * (the later edit of each field wins, by its logical clock), written back to both. A device
 * syncing them for the first time takes the server's value of every field it has, and offers its
 * own for the rest: a new device's defaults never overwrite what the user chose elsewhere.
 * Returns whether this device's settings changed.
 */
export async function syncSettings(
  db: AppDb,
  sync: SyncDb,
  remote: CouchDatabase,
  now: number,
): Promise<boolean> {
  const { deviceId } = await loadProgress(sync);
  for (let attempt = 0; attempt < 5; attempt++) {
    const [doc, base, local] = await Promise.all([
      remote.find(SETTINGS_DOC),
      loadSettingsBase(sync),
      loadSettings(db),
    ]);
    const theirs = readFields(doc);
    const mine = stampEdits(
      base ?? {},
      settingsToFields(local),
      base ? now : 0,
      deviceId,
      defaultFields(local, defaultSettings),
    );
    const merged = base ? mergeFields(mine, theirs) : { ...mine, ...theirs };
    if (!doc || !sameFields(merged, theirs)) {
      const written = await remote.update({
        _id: SETTINGS_DOC,
        ...(doc && { _rev: doc._rev }),
        kind: 'fields',
        fields: merged,
      } as { _id: string; _rev?: string });
      if (!written) continue; // another device wrote meanwhile: merge with theirs again
    }
    const next = settingsFromFields(fieldValues(merged), { ...defaultSettings, ...local });
    // Values another device (maybe a newer app) wrote that this one cannot store stay as they
    // are here, and go back to the server as this device's edits on the next sync.
    const changed =
      JSON.stringify(next) !== JSON.stringify(local) &&
      (await saveSettings(db, next).then(
        () => true,
        () => false,
      ));
    await saveSettingsBase(sync, merged);
    return changed;
  }
  return false;
}
