import type { ListEntries } from '../changeSequence';
import { monthOf } from '../derived/keys';

/**
 * Lists reviews a pull brought into `logs` by their decks and UTC months (`pulledMonths`), what
 * the log blocks need, instead of an entry each (changeSequence.ts declarePulled).
 */
export const listPulledMonths: ListEntries = (entries) => (row) => {
  const months = new Map((row.pulledMonths ?? []).map((m) => [`${m[0]}\u0000${m[1]}`, m]));
  for (const e of entries) {
    const month = monthOf(e.review ?? NaN);
    months.set(`${e.deckId}\u0000${month}`, [e.deckId, month]);
  }
  row.pulledMonths = [...months.values()];
};
