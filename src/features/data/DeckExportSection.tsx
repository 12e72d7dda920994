import { useState } from 'react';
import { useDb } from '../../components/DbContext';
import { useFeatureT } from '../../components/useT';
import { dataMessages } from './messages';
import type { DeckRecord } from '../../domain/deck/records';
import { deckToAnkiTsv, deckToJsonText } from '../../domain/export/deckExport';
import { deckFileName } from '../../domain/export/fileNames';
import { deleteUserDeck } from '../../storage/importExport/deckImport';
import { loadDeckForExport } from '../../storage/importExport/deckExport';
import { download } from './download';
import { failureText } from './errors';
import { refreshApp } from './refresh';

export function DeckExportSection({ decks }: { decks: DeckRecord[] }) {
  const db = useDb();
  const { t, lang } = useFeatureT(dataMessages);
  const [deckId, setDeckId] = useState('');
  const [tsvLang, setTsvLang] = useState<'en' | 'zh'>(lang);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const selected = decks.find((d) => d.id === deckId) ?? decks[0];

  const exportAs = async (kind: 'json' | 'tsv') => {
    if (!selected) return;
    setStatus(null);
    try {
      const loaded = await loadDeckForExport(db, selected.id);
      if (!loaded) return;
      const text =
        kind === 'json'
          ? deckToJsonText(loaded.deck, loaded.cards)
          : deckToAnkiTsv(loaded.deck, loaded.cards, tsvLang);
      const type = kind === 'json' ? 'application/json' : 'text/tab-separated-values';
      download(
        new Blob([text], { type: `${type};charset=utf-8` }),
        deckFileName(selected.id, Date.now(), kind),
      );
    } catch (error) {
      setStatus({ ok: false, text: failureText(error, t) });
    }
  };

  const remove = async () => {
    if (!selected) return;
    try {
      await deleteUserDeck(db, selected.id, Date.now());
      setStatus({ ok: true, text: t('data.decks.deleted', { name: selected.title[lang] }) });
      setDeckId('');
      await refreshApp(db);
    } catch (error) {
      setStatus({ ok: false, text: failureText(error, t) });
    } finally {
      setConfirmDelete(false);
    }
  };

  return (
    <section className="data-section" aria-labelledby="data-decks">
      <h2 id="data-decks">{t('data.decks.title')}</h2>
      <p>{t('data.decks.intro')}</p>
      <label>
        {t('data.decks.deck')}
        <select
          value={selected?.id ?? ''}
          onChange={(e) => {
            setDeckId(e.target.value);
            setConfirmDelete(false);
          }}
        >
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title[lang]}
              {d.source === 'user' ? ` (${t('data.decks.imported')})` : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="button-row">
        <button type="button" onClick={() => void exportAs('json')} disabled={!selected}>
          {t('data.decks.json')}
        </button>
        <button type="button" onClick={() => void exportAs('tsv')} disabled={!selected}>
          {t('data.decks.tsv')}
        </button>
        <select
          aria-label={t('data.decks.tsvLanguage')}
          value={tsvLang}
          onChange={(e) => setTsvLang(e.target.value as 'en' | 'zh')}
        >
          <option value="en">English</option>
          <option value="zh">简体中文</option>
        </select>
      </div>
      {selected?.source === 'user' &&
        (confirmDelete ? (
          <div className="banner banner-warn" role="alertdialog" aria-label={t('data.decks.delete')}>
            <p>{t('data.decks.confirmDelete', { name: selected.title[lang] })}</p>
            <button type="button" className="primary" onClick={() => void remove()}>
              {t('data.decks.delete')}
            </button>{' '}
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {t('data.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirmDelete(true)}>
            {t('data.decks.delete')}
          </button>
        ))}
      {status && <p role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </section>
  );
}
