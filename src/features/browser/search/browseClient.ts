import type { BrowseQuery } from '../../../domain/browse/query';
import type { CardNote } from '../../../domain/cards/note';
import type { SchedState } from '../../../domain/scheduling/types';
import type { Language } from '../../../i18n/translate';
import type { AppDb } from '../../../storage/db';
import type { BrowseEngine } from './engine';
import type { BrowseRequest, BrowseRow, IndexSize, SearchResult } from './protocol';

type Reply = { id: number; result?: unknown; error?: string };

let worker: Worker | null = null;
let inline: Promise<BrowseEngine> | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./browse.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const { id, result, error } = event.data;
      const waiting = pending.get(id);
      pending.delete(id);
      if (error !== undefined) waiting?.reject(new Error(error));
      else waiting?.resolve(result);
    };
  }
  return worker;
}

/** Sends a request to the worker; where Workers do not exist (tests), runs the same code here. */
function send<T>(db: AppDb, request: BrowseRequest): Promise<T> {
  if (typeof Worker === 'undefined') {
    inline ??= import('./engine').then((m) => new m.BrowseEngine(db));
    return Promise.all([inline, import('./handle')]).then(([engine, m]) => m.handle(engine, request) as T);
  }
  const id = ++nextId;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    getWorker().postMessage({ id, request });
  });
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
};
