import { useState } from 'react';
import { useParams } from 'react-router';
import { useDb } from '../../components/DbContext';
import { FlagMark } from '../../components/FlagMark';
import { Markdown } from '../../components/markdown/Markdown';
import { CardNoteView } from '../../components/notes/CardNoteView';
import { NoteEditor } from '../../components/notes/NoteEditor';
import { useAsync } from '../../components/useAsync';
import { useFeatureT } from '../../components/useT';
import { other } from '../../components/localized';
import { cardHistory } from '../../domain/browse/history';
import type { Localized } from '../../domain/deck/schema';
import {
  buryCards,
  flagCards,
  resetCards,
  suspendCards,
  undoCardChange,
  unsuspendCards,
  type CardChange,
} from '../../storage/cardActions';
import { loadCardPage } from '../../storage/cardPage';
import { saveNote } from '../../storage/notes';
import { useAppStore } from '../../state/appStore';
import { CardActionsBar } from './CardActionsBar';
import { CardChart } from './CardChart';
import { CardHistory } from './CardHistory';
import { CardStatePanel } from './CardStatePanel';
import { browserMessages } from './messages';
import './browser.css';

/** One card: as in review, its memory state, its history and chart, its actions and the user's note. */
export default function CardPage() {
  const { cardId = '' } = useParams();
  const db = useDb();
  const { t, lang } = useFeatureT(browserMessages);
  const rolloverHour = useAppStore((s) => s.settings.rolloverHour);
  const [version, setVersion] = useState(0);
  const [both, setBoth] = useState(false);
  const [editing, setEditing] = useState(false);
  const [undo, setUndo] = useState<CardChange | null>(null);
  const [now] = useState(() => Date.now());
  const page = useAsync(() => loadCardPage(db, cardId), [db, cardId, version]);

  if (page.status === 'loading') return <p>{t('common.loading')}</p>;
  if (page.status === 'error') return <p role="alert">{page.error}</p>;
  if (!page.value) return <p role="alert">{t('cardPage.notFound', { id: cardId })}</p>;
  const { card, deck, state, logs, note } = page.value;
  const history = cardHistory(logs, state);
  const act = async (run: () => Promise<CardChange>) => {
    setUndo(await run());
    setVersion((v) => v + 1);
  };
  const text = (l: Localized) => (
    <>
      <Markdown text={l[lang]} lang={lang} />
      {both && l[other(lang)] !== l[lang] && <Markdown text={l[other(lang)]} lang={other(lang)} />}
    </>
  );
  return (
    <div className="card-page">
      <h1>
        {t('cardPage.title')} <FlagMark flag={state?.flag} />
      </h1>
      <p className="muted">
        {deck?.title[lang] ?? card.deckId} · {deck?.topics[card.topic]?.[lang] ?? card.topic} · {card.id}
      </p>
      <label className="toggle">
        <input type="checkbox" checked={both} onChange={(e) => setBoth(e.target.checked)} />{' '}
        {t('cardPage.bothLanguages')}
      </label>
      <article className="card" data-card-id={card.id}>
        <section className="card-question" aria-label={t('review.question')}>
          {text(card.question)}
        </section>
        <section className="card-answer" aria-label={t('review.answer')}>
          <hr />
          {card.keyPoints && (
            <ol className="key-points-plain">
              {card.keyPoints.map((k, i) => (
                <li key={i}>{text(k)}</li>
              ))}
            </ol>
          )}
          {text(card.answer)}
        </section>
      </article>
      {state && <CardStatePanel state={state} now={now} />}
      {state && (
        <CardActionsBar
          state={state}
          onSuspend={(s) => void act(() => (s ? suspendCards : unsuspendCards)(db, [card.id]))}
          onBury={() => void act(() => buryCards(db, [card.id], Date.now(), rolloverHour))}
          onFlag={(f) => void act(() => flagCards(db, [card.id], f))}
          onReset={() => void act(() => resetCards(db, [card.id], Date.now()))}
          onUndo={
            undo
              ? () => void undoCardChange(db, undo).then(() => (setUndo(null), setVersion((v) => v + 1)))
              : null
          }
        />
      )}
      {editing ? (
        <NoteEditor
          initial={note?.text ?? ''}
          onSave={(value) => {
            setEditing(false);
            void act(async () => ({
              kind: 'note',
              ...(await saveNote(db, card.id, card.deckId, value, Date.now())),
            }));
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <CardNoteView note={note} />
          <button onClick={() => setEditing(true)}>{t(note ? 'card.editNote' : 'cardPage.addNote')}</button>
        </>
      )}
      <h2>{t('cardPage.history')}</h2>
      <CardChart history={history} now={now} />
      <CardHistory history={history} />
    </div>
  );
}
