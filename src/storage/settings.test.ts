import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../domain/settings/settings';
import { userSettings } from './backup/collect';
import { InvalidSettingsError, loadSettings, saveSettings } from './settings';
import { freshDb } from './testing';

describe('stored settings', () => {
  it('refuses to store a step or interval out of bounds, writing nothing', async () => {
    const db = freshDb();
    await saveSettings(db, defaultSettings);
    const bad = { ...defaultSettings, learningSteps: ['99999999999d' as const], maximumInterval: 1e9 };
    await expect(saveSettings(db, bad)).rejects.toThrow(InvalidSettingsError);
    await expect(saveSettings(db, bad)).rejects.toThrow(/learningSteps.0, maximumInterval/);
    expect(await loadSettings(db)).toEqual(defaultSettings);
  });

  it('reads settings stored before the bounds with the bad values replaced by defaults, and backs them up so', async () => {
    const db = freshDb();
    const old = {
      ...defaultSettings,
      learningSteps: ['1m', '100000d'],
      fuzz: false,
      roles: { rag: { newPerDay: 'abc', enabled: true } },
    };
    await db.settings.put({ key: 'settings', value: old });
    const loaded = await loadSettings(db);
    expect(loaded.learningSteps).toEqual(defaultSettings.learningSteps);
    expect(loaded.fuzz).toBe(false);
    expect(loaded.roles.rag).toEqual({ enabled: true });
    const backedUp = (await userSettings(db)).settings as typeof old;
    expect(backedUp.learningSteps).toBeUndefined();
    expect(backedUp.roles).toEqual({ rag: { enabled: true } });
  });
});
