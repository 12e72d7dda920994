import type { BrowseQuery } from '../../../domain/browse/query';
import type { CardNote } from '../../../domain/cards/note';
import type { SchedState } from '../../../domain/scheduling/types';
import type { Language } from '../../../i18n/translate';
import type { AppDb } from '../../../storage/db';
import { workerCall } from '../../../components/workerCall';
import type { BrowseEngine } from './engine';
import type { BrowseRequest, BrowseRow, IndexProgress, IndexSize, SearchResult } from './protocol';

let inline: Promise<BrowseEngine> | null = null;
const call = workerCall(() => new Worker(new URL('./browse.worker.ts', import.meta.url), { type: 'module' }));

/** Sends a request to the worker; where Workers do not exist (tests), runs the same code here. */
function send<T>(db: AppDb, request: BrowseRequest): Promise<T> {
  if (typeof Worker === 'undefined') {
    inline ??= import('./engine').then((m) => new m.BrowseEngine(db));
    return Promise.all([inline, import('./handle')]).then(([engine, m]) => m.handle(engine, request) as T);
  }
  return call(request) as Promise<T>;
}

/** For tests: the inline engine starts again, on another database. */
export const resetInlineEngine = () => void (inline = null);

export const browseClient = {
  refresh: (db: AppDb) => send<void>(db, { kind: 'refresh' }),
  search: (db: AppDb, query: BrowseQuery, now: number, rolloverHour: number, lang: Language, first = 60) =>
    send<SearchResult>(db, { kind: 'search', query, now, rolloverHour, lang, first }),
  rows: (db: AppDb, result: number, from: number, to: number, lang: Language) =>
    send<BrowseRow[]>(db, { kind: 'rows', result, from, to, lang }),
  ids: (db: AppDb, result: number) => send<string[]>(db, { kind: 'ids', result }),
  patch: (db: AppDb, states: SchedState[], notes: { cardId: string; note: CardNote | undefined }[] = []) =>
    send<void>(db, { kind: 'patch', states, notes }),
  size: (db: AppDb) => send<IndexSize>(db, { kind: 'size' }),
  /** Answered between two roles while the index is being built. */
  progress: (db: AppDb) => send<IndexProgress>(db, { kind: 'progress' }),
};
