import type { Localized } from '../deck/schema';

/** Where an import goes: the user deck's id (from the name the user picked) and its display texts. */
export interface DeckTarget {
  deckId: string;
  name: string;
  fileName: string;
}

export const nameAsTitle = (name: string): Localized => ({ en: name.trim(), zh: name.trim() });

export const importedFrom = (fileName: string): Localized => ({
  en: `Imported from ${fileName}`,
  zh: `从 ${fileName} 导入`,
});
