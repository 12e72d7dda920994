import { useCallback } from 'react';
import type { Settings } from '../domain/settings/settings';
import { saveSettings } from '../storage/settings';
import { useAppStore } from '../state/appStore';
import { useDb } from './DbContext';

/** Saves settings to IndexedDB first, then shows them: the screen never claims what was not stored. */
export function useUpdateSettings() {
  const db = useDb();
  return useCallback(
    async (change: (current: Settings) => Settings) => {
      const next = change(useAppStore.getState().settings);
      await saveSettings(db, next);
      useAppStore.getState().setSettings(next);
    },
    [db],
  );
}
