import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDb } from '../../components/DbContext';
import { useAsync } from '../../components/useAsync';
import { useFeatureT } from '../../components/useT';
import { VirtualList } from '../../components/VirtualList';
import { queryFromParams, queryToParams, type BrowseQuery } from '../../domain/browse/query';
import { formatNumber } from '../../i18n/format';
import { flagCards, resetCards, suspendCards, unsuspendCards } from '../../storage/cardActions';
import { listDecks } from '../../storage/decks';
import { useAppStore } from '../../state/appStore';
import { BatchBar } from './BatchBar';
import { Filters } from './Filters';
import { browserMessages } from './messages';
import { ResultRow } from './ResultRow';
import { browseClient } from './search/browseClient';
import { useBatch } from './useBatch';
import { useBrowse } from './useBrowse';
import './browser.css';

const ROW_HEIGHT = 44;

/** Every role's cards: search, filters and sorts (kept in the URL), a virtual list, batch actions. */
export default function BrowserScreen() {
  const db = useDb();
  const { t, lang } = useFeatureT(browserMessages);
  const rolloverHour = useAppStore((s) => s.settings.rolloverHour);
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const [text, setText] = useState(query.text);
  // Back and forward bring their query's text into the box; the URL catching up with the user's
  // own typing does not (it lands after later keystrokes on a busy machine, and took them back).
  const [shown, setShown] = useState(query.text);
  const [pushed, setPushed] = useState(query.text);
  if (shown !== query.text) {
    setShown(query.text);
    if (query.text !== pushed) setText(query.text);
  }
  const decks = useAsync(() => listDecks(db), [db]);
  const deckList = useMemo(() => (decks.status === 'done' ? decks.value : []), [decks]);
  const { ready, progress, error, results, load, again } = useBrowse(db, query, lang, rolloverHour);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const batch = useBatch(db, again);

  const change = useCallback(
    (next: Partial<BrowseQuery>, replace = false) =>
      setParams(queryToParams({ ...queryFromParams(params), ...next }), { replace }),
    [params, setParams],
  );
  // Typing updates the URL once the user pauses, replacing the entry (back goes to the last search).
  useEffect(() => {
    if (text === query.text) return;
    const timer = setTimeout(() => {
      setPushed(text);
      change({ text }, true);
    }, 150);
    return () => clearTimeout(timer);
  }, [text, query.text, change]);

  const roleName = useCallback(
    (deckId: string) => deckList.find((d) => d.id === deckId)?.title[lang] ?? deckId,
    [deckList, lang],
  );
  const select = useCallback(
    (cardId: string, on: boolean) =>
      setSelected((s) => {
        const next = new Set(s);
        if (on) next.add(cardId);
        else next.delete(cardId);
        return next;
      }),
    [],
  );
  const ids = [...selected];
  const height = Math.max(320, (typeof window === 'undefined' ? 800 : window.innerHeight) - 360);

  return (
    <div className="browser">
      <h1>{t('browse.title')}</h1>
      <label className="browse-search">
        {t('browse.search')}
        <input
          id="browse-search"
          type="search"
          autoFocus
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="browse-search-hint"
        />
      </label>
      <p id="browse-search-hint" className="hint">
        {t('browse.searchHint')}
      </p>
      <Filters query={query} decks={deckList} onChange={change} />
      {error && <p role="alert">{error}</p>}
      {!ready || !results ? (
        <p role="status">
          {t('browse.loading')}
          {!ready && progress && progress.total > 1 && (
            <> {t('browse.indexed', { done: progress.done, total: progress.total })}</>
          )}
        </p>
      ) : (
        <>
          <p className="browse-count" role="status">
            {t('browse.count', { n: results.total })}{' '}
            {results.total > 0 && (
              <button
                onClick={() =>
                  void browseClient.ids(db, results.result).then((all) => setSelected(new Set(all)))
                }
              >
                {t('browse.selectAll', { n: formatNumber(results.total, lang) })}
              </button>
            )}
          </p>
          <BatchBar
            count={selected.size}
            onSuspend={() => void batch.run(() => suspendCards(db, ids))}
            onUnsuspend={() => void batch.run(() => unsuspendCards(db, ids))}
            onFlag={(f) => void batch.run(() => flagCards(db, ids, f))}
            onReset={() => void batch.run(() => resetCards(db, ids, Date.now()))}
            onClear={() => setSelected(new Set())}
            onUndo={() => void batch.undoLast()}
            canUndo={batch.canUndo}
            status={batch.status}
          />
          {results.total === 0 ? (
            <p>{t('browse.none')}</p>
          ) : (
            <VirtualList
              count={results.total}
              rowHeight={ROW_HEIGHT}
              height={height}
              label={t('browse.results')}
              onRange={load}
              renderRow={(i) => {
                const row = results.rows.get(i);
                return (
                  <ResultRow
                    row={row}
                    selected={row ? selected.has(row.cardId) : false}
                    onSelect={select}
                    roleName={roleName}
                  />
                );
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
