import { create } from 'zustand';
import type { DeckProblem } from '../domain/deck/problem';
import type { FsrsParams } from '../domain/optimizer/params';
import { defaultSettings, type Settings } from '../domain/settings/settings';
import { detectLanguage, type Language } from '../i18n/translate';

export type PersistStatus = 'granted' | 'refused' | 'unsupported' | 'pending';

interface AppState {
  status: 'booting' | 'ready' | 'failed';
  bootError: string | null;
  /** A copy of the settings stored in Dexie, for rendering; writes go through saveSettings. */
  settings: Settings;
  /** FSRS parameters per scope (the settings key `fsrsParams`), read at boot; the scheduler reads them from here. */
  fsrsParams: FsrsParams;
  deckProblems: DeckProblem[];
  persist: PersistStatus;
  updateReady: (() => void) | null;
  /** Bumped after anything changes stored data, so screens reload what they show. */
  dataVersion: number;
  ready: (settings: Settings, deckProblems: DeckProblem[]) => void;
  failed: (error: string) => void;
  setSettings: (settings: Settings) => void;
  setFsrsParams: (fsrsParams: FsrsParams) => void;
  addDeckProblems: (problems: DeckProblem[]) => void;
  setPersist: (persist: PersistStatus) => void;
  setUpdateReady: (apply: () => void) => void;
  dataChanged: () => void;
}

export const useAppStore = create<AppState>()((set) => ({
  status: 'booting',
  bootError: null,
  settings: defaultSettings,
  fsrsParams: {},
  deckProblems: [],
  persist: 'pending',
  updateReady: null,
  dataVersion: 0,
  ready: (settings, deckProblems) => set({ status: 'ready', settings, deckProblems }),
  failed: (bootError) => set({ status: 'failed', bootError }),
  setSettings: (settings) => set((s) => ({ settings, dataVersion: s.dataVersion + 1 })),
  setFsrsParams: (fsrsParams) => set({ fsrsParams }),
  addDeckProblems: (problems) =>
    problems.length ? set((s) => ({ deckProblems: [...s.deckProblems, ...problems] })) : undefined,
  setPersist: (persist) => set({ persist }),
  setUpdateReady: (apply) => set({ updateReady: apply }),
  dataChanged: () => set((s) => ({ dataVersion: s.dataVersion + 1 })),
}));

const browserLanguages = (): readonly string[] =>
  typeof navigator === 'undefined'
    ? []
    : navigator.languages?.length
      ? navigator.languages
      : [navigator.language];

export const useLanguage = (): Language =>
  useAppStore((s) => s.settings.language ?? detectLanguage(browserLanguages()));
