import type { BrowseEngine } from './engine';
import type { BrowseRequest } from './protocol';

/** Runs one request; a search waits for the first refresh (the index is built then). */
export async function handle(engine: BrowseEngine, request: BrowseRequest): Promise<unknown> {
  switch (request.kind) {
    case 'refresh':
      return engine.refresh();
    case 'search':
      return engine.search(request.query, request.now, request.rolloverHour, request.lang, request.first);
    case 'rows':
      return engine.rows(request.result, request.from, request.to, request.lang);
    case 'ids':
      return engine.ids(request.result);
    case 'patch':
      return engine.patch(request.states, request.notes);
    case 'size':
      return engine.size();
    case 'progress':
      return engine.progress;
  }
}
