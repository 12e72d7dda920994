import { useCallback, useEffect, useRef, useState } from 'react';
import { queryToParams, type BrowseQuery } from '../../domain/browse/query';
import type { Language } from '../../i18n/translate';
import type { AppDb } from '../../storage/db';
import { useAppStore } from '../../state/appStore';
import { browseClient } from './search/browseClient';
import type { BrowseRow, IndexProgress } from './search/protocol';

export interface Results {
  total: number;
  result: number;
  rows: ReadonlyMap<number, BrowseRow>;
}

const PAGE = 100;

/**
 * Runs the browser's searches in the worker: the index is brought up to date when the screen
 * opens (and when the stored data changes), each query returns its first rows, and the list asks
 * for the rest a page at a time as it scrolls. `again` searches again (after an action).
 */
export function useBrowse(db: AppDb, query: BrowseQuery, lang: Language, rolloverHour: number) {
  const dataVersion = useAppStore((s) => s.dataVersion);
  const [ready, setReady] = useState(false);
  const [progress, setProgress] = useState<IndexProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<Results | null>(null);
  const [version, setVersion] = useState(0);
  const asked = useRef(new Set<number>());
  const key = queryToParams(query).toString();

  useEffect(() => {
    let live = true;
    browseClient.refresh(db).then(
      () => live && (setReady(true), setVersion((v) => v + 1)),
      (e: unknown) => live && setError(String(e)),
    );
    return () => {
      live = false;
    };
  }, [db, dataVersion]);

  // The first opening indexes every role: say how far it got, twice a second, until it is done.
  useEffect(() => {
    if (ready) return;
    const timer = setInterval(() => void browseClient.progress(db).then(setProgress, () => undefined), 500);
    return () => clearInterval(timer);
  }, [db, ready]);

  useEffect(() => {
    if (!ready) return;
    let live = true;
    browseClient.search(db, query, Date.now(), rolloverHour, lang).then(
      (r) => {
        if (!live) return;
        asked.current = new Set([0]);
        setResults({ total: r.total, result: r.result, rows: new Map(r.rows.map((row, i) => [i, row])) });
      },
      (e: unknown) => live && setError(String(e)),
    );
    return () => {
      live = false;
    };
    // The query is compared by its URL form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, db, key, lang, rolloverHour, version]);

  const load = useCallback(
    (from: number, to: number) => {
      if (!results) return;
      for (let page = Math.floor(from / PAGE); page * PAGE < to; page++) {
        if (asked.current.has(page)) continue;
        asked.current.add(page);
        const start = page * PAGE;
        void browseClient.rows(db, results.result, start, start + PAGE, lang).then((rows) =>
          setResults((prev) => {
            if (!prev || prev.result !== results.result) return prev;
            const next = new Map(prev.rows);
            rows.forEach((row, i) => next.set(start + i, row));
            return { ...prev, rows: next };
          }),
        );
      }
    },
    [db, results, lang],
  );

  const again = useCallback(() => setVersion((v) => v + 1), []);
  return { ready, progress, error, results, load, again };
}
