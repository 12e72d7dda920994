import { create } from 'zustand';
import type { DeckProblem } from '../domain/deck/problem';
import type { FsrsParams } from '../domain/optimizer/params';
import { defaultSettings, type Settings } from '../domain/settings/settings';
import { detectLanguage, hasCatalogue, loadCatalogue, type Language } from '../i18n/translate';

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
  /** Bumped when a language's messages have loaded, so text shown meanwhile in English is redrawn. */
  catalogues: number;
  /**
   * Ready before the first decks are stored (a first visit's welcome needs none): screens other
   * than the welcome wait until `decksStored`, so they still never render without their decks.
   */
  decksPending: boolean;
  /** This session's welcome showed before the decks were stored (the screen then mounts below it). */
  welcomedEarly: boolean;
  ready: (settings: Settings, deckProblems: DeckProblem[]) => void;
  readyBeforeDecks: (settings: Settings) => void;
  decksStored: (deckProblems: DeckProblem[]) => void;
  failed: (error: string) => void;
  setSettings: (settings: Settings) => void;
  setFsrsParams: (fsrsParams: FsrsParams) => void;
  addDeckProblems: (problems: DeckProblem[]) => void;
  setPersist: (persist: PersistStatus) => void;
  setUpdateReady: (apply: () => void) => void;
  dataChanged: () => void;
  /** Loads the messages of the language these settings show; resolves at once when they are loaded. */
  prepareLanguage: (settings: Settings) => Promise<void>;
}

const browserLanguages = (): readonly string[] =>
  typeof navigator === 'undefined'
    ? []
    : navigator.languages?.length
      ? navigator.languages
      : [navigator.language];

/** The language the app shows with these settings: the chosen one, else the browser's. */
export const languageOf = (settings: Settings): Language =>
  settings.language ?? detectLanguage(browserLanguages());

export const useAppStore = create<AppState>()((set, get) => {
  // Settings that switch to a language whose messages are not loaded yet load them; until then
  // (the first switch, a few milliseconds) the text stays in English. Boot loads them beforehand.
  const withCatalogue = (settings: Settings) => void get().prepareLanguage(settings);
  return {
    status: 'booting',
    bootError: null,
    settings: defaultSettings,
    fsrsParams: {},
    deckProblems: [],
    persist: 'pending',
    updateReady: null,
    dataVersion: 0,
    catalogues: 0,
    decksPending: false,
    welcomedEarly: false,
    ready: (settings, deckProblems) => {
      withCatalogue(settings);
      set({ status: 'ready', settings, deckProblems });
    },
    readyBeforeDecks: (settings) => {
      withCatalogue(settings);
      set({ status: 'ready', settings, decksPending: true, welcomedEarly: true });
    },
    // The settings are not replaced: the welcome may have changed them meanwhile.
    decksStored: (deckProblems) =>
      set((s) => ({ decksPending: false, deckProblems: [...s.deckProblems, ...deckProblems] })),
    failed: (bootError) => set({ status: 'failed', bootError }),
    setSettings: (settings) => {
      withCatalogue(settings);
      set((s) => ({ settings, dataVersion: s.dataVersion + 1 }));
    },
    setFsrsParams: (fsrsParams) => set({ fsrsParams }),
    addDeckProblems: (problems) =>
      problems.length ? set((s) => ({ deckProblems: [...s.deckProblems, ...problems] })) : undefined,
    setPersist: (persist) => set({ persist }),
    setUpdateReady: (apply) => set({ updateReady: apply }),
    dataChanged: () => set((s) => ({ dataVersion: s.dataVersion + 1 })),
    prepareLanguage: async (settings) => {
      const lang = languageOf(settings);
      if (hasCatalogue(lang)) return;
      await loadCatalogue(lang);
      set((s) => ({ catalogues: s.catalogues + 1 }));
    },
  };
});

export const useLanguage = (): Language => useAppStore((s) => languageOf(s.settings));
