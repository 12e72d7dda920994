import { lazy, Suspense, useCallback, useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Link, useParams, useSearchParams } from 'react-router';
import { Counts } from '../../components/Counts';
import { useDb } from '../../components/DbContext';
import { preloadMarkdown, prerenderMarkdown } from '../../components/markdown/Markdown';
import { other } from '../../components/localized';
import { useUpdateSettings } from '../../components/useSettingsActions';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../components/useT';
import { listDecks } from '../../storage/decks';
import { preloadWrites } from '../../storage/lazyWrites';
import { suggestRating } from '../../domain/review/keyPoints';
import type { Rating } from '../../domain/scheduling/types';
import { useAppStore } from '../../state/appStore';
import { upcomingCards, useReviewSession, whenIdle, type Scope } from '../../state/reviewSession';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { CardView } from './CardView';
import { ScratchPad } from './ScratchPad';
import './review.css';
import { preloadAnswerUi, RatingButtons, ReviewDone } from './answerUi';
import { useReviewKeys } from './useReviewKeys';
import { useCardActions } from './useCardActions';
import { CardMenu } from './CardMenu';
import { CardNoteView } from '../../components/notes/CardNoteView';
import { useCardNoteRead } from '../../components/notes/useCardNote';

// Opened on demand (N): its code is not part of the first card's download.
const NoteEditor = lazy(() =>
  import('../../components/notes/NoteEditor').then((m) => ({ default: m.NoteEditor })),
);

export default function ReviewScreen() {
  const { roleId } = useParams();
  const [search] = useSearchParams();
  const topic = search.get('topic') ?? undefined;
  const chosen = search.get('cards');
  // The role screen's "Review ahead" link, for a role with nothing due today.
  const ahead = search.get('ahead') === '1';
  const db = useDb();
  const { t, lang } = useT();
  const settings = useAppStore((s) => s.settings);
  const updateSettings = useUpdateSettings();
  // Only what this screen shows: each rating is then one render, not one per store update.
  const session = useReviewSession(
    useShallow((s) => ({
      status: s.status,
      current: s.current,
      revealed: s.revealed,
      ticked: s.ticked,
      intervals: s.intervals,
      counts: s.counts,
      waitUntil: s.waitUntil,
      error: s.error,
      notice: s.notice,
      saving: s.saving,
      canUndo: s.undoStack.length > 0,
      undoDepth: s.undoStack.length,
    })),
  );

  useEffect(() => {
    const scope: Scope = !roleId
      ? { kind: 'daily' }
      : chosen
        ? { kind: 'cards', deckId: roleId, cardIds: chosen.split(',') }
        : { kind: 'role', deckId: roleId, topic };
    void useReviewSession
      .getState()
      .start(db, useAppStore.getState().settings, scope, Date.now(), ahead && scope.kind === 'role');
  }, [db, roleId, topic, chosen, ahead]);

  // Decks still syncing in the background may bring cards: reload an empty session when they land.
  const dataVersion = useAppStore((s) => s.dataVersion);
  useEffect(() => {
    const { status, current, scope, ahead } = useReviewSession.getState();
    if (dataVersion === 0 || status !== 'ready' || current) return;
    void useReviewSession.getState().start(db, useAppStore.getState().settings, scope, Date.now(), ahead);
  }, [db, dataVersion]);

  // A learning card that comes due while the user waits appears without a reload.
  const hasCard = session.current !== null;
  // The renderer (Markdown, KaTeX, highlighting) and the review's writes load once the first card
  // is on screen, not before.
  useEffect(() => {
    if (!hasCard) return;
    preloadMarkdown();
    // After the card's frame, so that neither competes with it; a rating or the answer asked for
    // sooner loads them itself (and says if that fails).
    whenIdle(() => {
      void preloadAnswerUi().catch(() => undefined);
      void preloadWrites().catch(() => undefined);
    });
  }, [hasCard]);
  // While the user reads, prepare this card's answer and the next cards' questions.
  const both = settings.showBothLanguages;
  const currentCard = session.current?.card;
  useEffect(() => {
    const card = currentCard;
    if (!card) return;
    whenIdle(() => {
      const langs = both ? [lang, other(lang)] : [lang];
      const [next, ...later] = upcomingCards(useReviewSession.getState().queue, card.id, Date.now());
      // The next card's question first: a rating shows it at once, and parsing it then would
      // hold that frame back. Then this card's answer, then the cards after.
      const texts = [next, card, ...later].flatMap((c) =>
        !c ? [] : langs.map((l) => (c === card ? c.answer[l] : c.question[l])),
      );
      void prerenderMarkdown(texts);
    });
  }, [currentCard, both, lang]);
  const waitUntil = session.waitUntil;
  useEffect(() => {
    if (hasCard || waitUntil === null) return;
    const delay = Math.max(1000, waitUntil - Date.now() - 20 * 60_000);
    const timer = setTimeout(() => void useReviewSession.getState().tick(db, Date.now()), delay);
    return () => clearTimeout(timer);
  }, [db, hasCard, waitUntil]);

  const reveal = useCallback(() => void useReviewSession.getState().reveal(settings, Date.now()), [settings]);
  const rate = useCallback(
    (rating: Rating) => void useReviewSession.getState().rate(db, settings, rating, Date.now()),
    [db, settings],
  );
  const undo = useCallback(() => void useReviewSession.getState().undo(db, Date.now()), [db]);
  const skip = useCallback(() => void useReviewSession.getState().skip(db, Date.now()), [db]);
  const toggleTick = useCallback((i: number) => useReviewSession.getState().toggleTick(i), []);
  const accept = useCallback(() => {
    const { current, revealed, intervals, ticked } = useReviewSession.getState();
    const total = current?.card.keyPoints?.length ?? 0;
    if (!current || !revealed || !intervals || total === 0) return;
    rate(suggestRating({ hit: ticked.length, total }));
  }, [rate]);
  const answerOpen = settings.showModelAnswer;
  const setAnswerOpen = useCallback(
    (open: boolean) => void updateSettings((s) => ({ ...s, showModelAnswer: open })),
    [updateSettings],
  );
  const toggleAnswer = useCallback(() => {
    if (useReviewSession.getState().revealed) setAnswerOpen(!useAppStore.getState().settings.showModelAnswer);
  }, [setAnswerOpen]);
  const actions = useCardActions(db, settings.rolloverHour);
  const { bury, suspend, flag, editNote } = actions;
  useReviewKeys({ reveal, rate, undo, accept, toggleTick, toggleAnswer, bury, suspend, flag, editNote });
  const { loaded: noteLoaded, note } = useCardNoteRead(db, session.current?.card.id ?? '', session.undoDepth);

  const toggleBoth = () => void updateSettings((s) => ({ ...s, showBothLanguages: !s.showBothLanguages }));
  const decks = useAsync(() => listDecks(db), [db, dataVersion]);
  const deckList = decks.status === 'done' ? decks.value : undefined;
  const loaded = roleId ? deckList?.find((d) => d.id === roleId) : undefined;
  const topicName = topic ? (loaded?.topics[topic]?.[lang] ?? topic) : null;
  const roleName = `${loaded ? loaded.title[lang] : (roleId ?? '')}${topicName ? ` · ${topicName}` : ''}`;
  const title = roleId ? t('review.practiceTitle', { role: roleName ?? '' }) : t('review.title');

  if (roleId && deckList && !loaded) {
    return (
      <div className="review">
        <h1>{t('review.title')}</h1>
        <p role="alert">{t('review.noRole', { id: roleId })}</p>
        <p>
          <Link to="/roles">{t('nav.roles')}</Link>
        </p>
      </div>
    );
  }
  const current = session.current;
  const keyPointTotal = current?.card.keyPoints?.length ?? 0;
  const suggested =
    session.revealed && keyPointTotal > 0
      ? suggestRating({ hit: session.ticked.length, total: keyPointTotal })
      : null;
  const cardTopic = current
    ? deckList?.find((d) => d.id === current.card.deckId)?.topics[current.card.topic]
    : undefined;

  return (
    <div className="review" aria-busy={session.saving}>
      <header className="review-bar">
        <h1>{title}</h1>
        <Counts counts={session.counts} label={t('review.remaining')} />
        <div className="review-tools">
          <label className="toggle">
            <input type="checkbox" checked={both} onChange={toggleBoth} /> {t('review.otherLanguage')}
          </label>
          <button onClick={undo} disabled={!session.canUndo}>
            {t('review.undo')} <kbd>U</kbd>
          </button>
        </div>
      </header>
      {session.error && (
        <div role="alert" className="banner banner-error">
          {t('review.saveFailed', { reason: session.error })}
        </div>
      )}
      {session.notice === 'changedElsewhere' && (
        <div role="status" className="banner">
          {t('review.changedElsewhere')}
        </div>
      )}
      {session.status !== 'ready' ? (
        <p>{t('common.loading')}</p>
      ) : session.current ? (
        <>
          <ErrorBoundary
            title="error.card"
            subject={session.current.card.id}
            resetKey={session.current.card.id}
            onSkip={skip}
            onSuspend={suspend}
          >
            <CardView
              card={session.current.card}
              revealed={session.revealed}
              both={both}
              topicName={cardTopic}
              ticked={session.ticked}
              onToggleTick={toggleTick}
              answerOpen={answerOpen}
              onToggleAnswer={setAnswerOpen}
            />
          </ErrorBoundary>
          <CardMenu
            flag={session.current.state.flag}
            leech={session.current.state.leech === true}
            onBury={bury}
            onSuspend={suspend}
            onFlag={flag}
            onEditNote={editNote}
          />
          {actions.editing
            ? // The editor opens with the stored note, so never before it is read.
              noteLoaded && (
                <Suspense fallback={null}>
                  <NoteEditor
                    key={`note-${session.current.card.id}`}
                    initial={note?.text ?? ''}
                    onSave={actions.save}
                    onCancel={actions.cancel}
                  />
                </Suspense>
              )
            : session.revealed && <CardNoteView note={note} />}
          {!session.revealed && <ScratchPad key={session.current.card.id} />}
          <div className="answer-bar">
            {session.revealed && session.intervals ? (
              <Suspense fallback={null}>
                <RatingButtons intervals={session.intervals} suggested={suggested} onRate={rate} />
              </Suspense>
            ) : (
              <button className="primary show" onClick={reveal}>
                {t('review.show')} <kbd>{t('review.showHint')}</kbd>
              </button>
            )}
          </div>
          <p className="hint key-hint">{t(keyPointTotal > 0 ? 'review.keysKeyPoints' : 'review.keys')}</p>
          <p className="hint key-hint">{t('card.keys')}</p>
        </>
      ) : (
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <ReviewDone roleId={roleId} topic={topic} waitUntil={session.waitUntil} />
        </Suspense>
      )}
      <p>
        <Link to="/">{t('review.home')}</Link>
      </p>
    </div>
  );
}
