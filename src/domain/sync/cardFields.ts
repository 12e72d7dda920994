import { NOTE_MAX_CHARS, type CardNote } from '../cards/note';
import type { Flag, SchedState } from '../scheduling/types';
import { isTime } from '../scheduling/valid';

/**
 * The user's own data on a role's cards as fields of one document per role: each card's flag,
 * whether the user suspended it, its leech mark, until when it is buried, the user's note, and
 * when its progress was last reset, one field each (`<card id>|flag`), so a flag set on the phone
 * and a note written on the laptop both survive. (What reviews give a card, its scheduling, is
 * replayed from them instead, from the reset on.) A reset of a whole collection is thus a field
 * per card in the roles' documents, not a document per card.
 */
export type CardField = 'flag' | 'suspended' | 'leech' | 'buried' | 'note' | 'reset';
const DEFAULTS: Record<CardField, unknown> = {
  flag: null,
  suspended: false,
  leech: false,
  buried: null,
  note: null,
  reset: null,
};
const SEP = '|';

export const CARD_DOC_PREFIX = 'fields:cards:';
export const cardDocId = (deckId: string): string => `${CARD_DOC_PREFIX}${deckId}`;
/** The role of a card data document, or of one of its parts (`…/<digits>`: cardParts.ts). */
export const deckOfCardDoc = (docId: string): string | null =>
  docId.startsWith(CARD_DOC_PREFIX) ? docId.slice(CARD_DOC_PREFIX.length).split('/')[0]! : null;

export function cardFields(
  states: readonly SchedState[],
  notes: readonly CardNote[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const noteOf = new Map(notes.map((n) => [n.cardId, n.text]));
  for (const s of states) {
    out[`${s.cardId}${SEP}flag`] = s.flag ?? null;
    out[`${s.cardId}${SEP}suspended`] = s.hidden === 'suspended';
    out[`${s.cardId}${SEP}leech`] = s.leech === true;
    out[`${s.cardId}${SEP}buried`] = s.hidden === 'buried' ? (s.buriedUntil ?? null) : null;
    out[`${s.cardId}${SEP}note`] = noteOf.get(s.cardId) ?? null;
    out[`${s.cardId}${SEP}reset`] = s.resetAt ?? null;
  }
  return out;
}

/** The card a field is of. */
export const cardOfField = (path: string): string => path.slice(0, path.lastIndexOf(SEP));

/** The default of every card field named in `values`. */
export const cardFieldDefaults = (values: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.keys(values).map((path) => [path, DEFAULTS[path.split(SEP)[1] as CardField]]));

export interface CardData {
  flag: Flag | null;
  suspended: boolean;
  leech: boolean;
  /** Buried until this time; null: not buried. */
  buried: number | null;
  note: string | null;
  /** When the card's progress was last reset; null: never. */
  reset: number | null;
}

const isFlag = (v: unknown): v is Flag => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 7;

/** Each card's data from the fields, values this app cannot store left out. */
export function cardDataFromFields(values: Record<string, unknown>): Map<string, Partial<CardData>> {
  const out = new Map<string, Partial<CardData>>();
  for (const [path, v] of Object.entries(values)) {
    const at = path.lastIndexOf(SEP);
    const cardId = path.slice(0, at);
    const field = path.slice(at + 1);
    const data = out.get(cardId) ?? {};
    if (field === 'flag' && (v === null || isFlag(v))) data.flag = v;
    else if (field === 'suspended' && typeof v === 'boolean') data.suspended = v;
    else if (field === 'leech' && typeof v === 'boolean') data.leech = v;
    else if (field === 'buried' && (v === null || (typeof v === 'number' && Number.isFinite(v))))
      data.buried = v;
    else if (field === 'note' && (v === null || (typeof v === 'string' && v.length <= NOTE_MAX_CHARS)))
      data.note = v;
    else if (field === 'reset' && (v === null || isTime(v))) data.reset = v;
    else continue;
    out.set(cardId, data);
  }
  return out;
}

/**
 * The state with the flag, suspension, leech mark, burial and reset time `data` gives; a retired
 * card stays retired, and a suspended one is not buried. (A changed reset time also changes what
 * the card's reviews replay to: the caller replays it.)
 */
export function withCardData(state: SchedState, data: Partial<CardData>): SchedState {
  const next: SchedState = { ...state };
  if (data.flag !== undefined) {
    if (data.flag === null) delete next.flag;
    else next.flag = data.flag;
  }
  if (data.suspended !== undefined && state.hidden !== 'retired') {
    if (data.suspended) {
      next.hidden = 'suspended';
      delete next.buriedUntil;
    } else if (state.hidden === 'suspended') next.hidden = null;
  }
  if (data.leech !== undefined) {
    if (data.leech) next.leech = true;
    else delete next.leech;
  }
  if (data.reset !== undefined) {
    if (data.reset === null) delete next.resetAt;
    else next.resetAt = data.reset;
  }
  if (data.buried !== undefined) {
    if (data.buried !== null && next.hidden === null) {
      next.hidden = 'buried';
      next.buriedUntil = data.buried;
    } else if (data.buried === null && next.hidden === 'buried') {
      next.hidden = null;
      delete next.buriedUntil;
    }
  }
  return next;
}
