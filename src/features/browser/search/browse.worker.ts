import { openDb } from '../../../storage/openDb';
import { BrowseEngine } from './engine';
import { handle } from './handle';
import type { BrowseRequest } from './protocol';

/** The browser's index lives here, off the main thread, on the worker's own connection. */
const engine = new BrowseEngine(openDb());

self.onmessage = async (event: MessageEvent<{ id: number; request: BrowseRequest }>) => {
  const { id, request } = event.data;
  try {
    self.postMessage({ id, result: await handle(engine, request) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
