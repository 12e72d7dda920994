import type { Deck } from '../deck/schema';
import { readAnkiText } from './ankiText';
import { deckFromJson, jsonDeckTitle } from './jsonDeck';
import { MAX_DECK_BYTES } from './limits';
import type { DataProblem, DataWarning } from './problem';
import { parseJson } from './safeJson';
import { deckFromNotes } from './textDeck';
import { decodeText } from './text';
import { userDeckId } from './userDeck';

export type DeckFormat = 'json' | 'text';

export interface DeckImportRequest {
  fileName: string;
  bytes: Uint8Array;
  /** The name the user picked; null to use the file's own title (or its file name). */
  name: string | null;
  lang: 'en' | 'zh';
}

export type DeckImportParse =
  | { ok: true; deck: Deck; name: string; format: DeckFormat; warnings: DataWarning[] }
  | { ok: false; problems: DataProblem[]; name: string | null };

const baseName = (fileName: string) => fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || fileName;

/** A deck file (app JSON, CSV, TSV or Anki text) into a validated user deck, or every reason it is not. */
export function parseDeckFile(request: DeckImportRequest): DeckImportParse {
  const decoded = decodeText(request.bytes, MAX_DECK_BYTES);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem], name: request.name };
  const { text } = decoded;
  const isJson = /\.json$/i.test(request.fileName) || /^\s*[{[]/.test(text);
  if (isJson) {
    const json = parseJson(text);
    if (!json.ok) return { ok: false, problems: [json.problem], name: request.name };
    const name = request.name ?? jsonDeckTitle(json.value, request.lang) ?? baseName(request.fileName);
    if (!name.trim()) return { ok: false, problems: [{ code: 'nameRequired' }], name };
    const deck = deckFromJson(json.value, { deckId: userDeckId(name), name, fileName: request.fileName });
    return deck.ok
      ? { ok: true, deck: deck.value, name, format: 'json', warnings: deck.warnings }
      : { ok: false, problems: deck.problems, name };
  }
  const name = request.name ?? baseName(request.fileName);
  if (!name.trim()) return { ok: false, problems: [{ code: 'nameRequired' }], name };
  const read = readAnkiText(text, request.fileName);
  if (!read.ok) return { ok: false, problems: [read.problem], name };
  const deck = deckFromNotes(read.file.notes, { deckId: userDeckId(name), name, fileName: request.fileName });
  return deck.ok
    ? {
        ok: true,
        deck: deck.value,
        name,
        format: 'text',
        warnings: [...read.file.warnings, ...deck.warnings],
      }
    : { ok: false, problems: deck.problems, name };
}
