import { readParams, type FsrsParams } from '../../domain/optimizer/params';
import type { Scheduler } from '../../domain/scheduling/scheduler';
import { defaultSettings } from '../../domain/settings/settings';
import { defaultFields, settingsFromFields, settingsToFields } from '../../domain/sync/settingsFields';
import type { AppDb } from '../../storage/db';
import { loadFsrsParams } from '../../storage/fsrsParams';
import { loadSettings, saveSettings } from '../../storage/settings';
import { saveSyncedFsrsParams } from '../../storage/sync/fsrsParams';
import { DECKS_DOC } from '../../domain/sync/deckDocs';
import { cardDocId, cardFieldDefaults, cardOfField } from '../../domain/sync/cardFields';
import { loadCardData, loadCardDataOf, saveCardData } from '../../storage/sync/cardData';
import { cardDataParts } from './cardDataParts';
import type { FieldDoc } from './syncFields';

export const SETTINGS_DOC = 'fields:settings';
export const FSRS_PARAMS_DOC = 'fields:fsrsParams';
/** The field documents merged whole on every sync whose feed lists them (not the card data). */
export const FIELD_DOCS: readonly string[] = [SETTINGS_DOC, FSRS_PARAMS_DOC, DECKS_DOC];

/** Every setting, and each role's settings (interview dates among them), one field each. */
export const settingsDoc = (db: AppDb): FieldDoc => ({
  id: SETTINGS_DOC,
  load: async () => settingsToFields(await loadSettings(db)),
  defaults: (values) =>
    defaultFields(settingsFromFields(values, { ...defaultSettings, roles: {} }), defaultSettings),
  save: async (values) => {
    const local = await loadSettings(db);
    return saveSettings(db, settingsFromFields(values, local)).then(
      () => true,
      () => false,
    );
  },
});

/** The optimizer's parameters and history, one field per scope (all roles, or one role). */
export const fsrsParamsDoc = (db: AppDb): FieldDoc => ({
  id: FSRS_PARAMS_DOC,
  load: async () => ({ ...(await loadFsrsParams(db)) }),
  defaults: () => ({}),
  save: async (values) => {
    const params: FsrsParams = readParams(values);
    if (Object.keys(params).length !== Object.keys(values).length) return false;
    return saveSyncedFsrsParams(db, params).then(
      () => true,
      () => false,
    );
  },
});

/**
 * A role's flags, suspensions and notes, one field per card and kind. `changedCards`: the only
 * cards whose states or notes changed here since the last merge, when that is known.
 */
export const cardDataDoc = (
  db: AppDb,
  deckId: string,
  now: number,
  onChanged: (cardIds: string[]) => void,
  scheduler: Scheduler,
  changedCards?: string[],
): FieldDoc => ({
  id: cardDocId(deckId),
  remote: cardDataParts,
  load: () => loadCardData(db, deckId),
  ...(changedCards && { loadChanged: () => loadCardDataOf(db, deckId, changedCards) }),
  defaults: cardFieldDefaults,
  save: async (values) => {
    const { changed, missing } = await saveCardData(db, deckId, values, now, scheduler);
    if (changed.length) onChanged(changed);
    // The data of cards not here yet waits for them, rather than being taken for edits here.
    const absent = new Set(missing);
    return {
      changed: changed.length > 0,
      refused: Object.keys(values).filter((p) => absent.has(cardOfField(p))),
    };
  },
});
