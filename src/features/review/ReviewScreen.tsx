import { useCallback, useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Link, useParams, useSearchParams } from 'react-router';
import { Counts } from '../../components/Counts';
import { useDb } from '../../components/DbContext';
import { preloadMarkdown, prerenderMarkdown } from '../../components/markdown/Markdown';
import { other } from '../../components/localized';
import { useUpdateSettings } from '../../components/useSettingsActions';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../components/useT';
import { getDeck } from '../../storage/decks';
import type { Rating } from '../../domain/scheduling/types';
import { useAppStore } from '../../state/appStore';
import { upcomingCards, useReviewSession, whenIdle } from '../../state/reviewSession';
import { CardView } from './CardView';
import { ReviewDone } from './ReviewDone';
import { RatingButtons } from './RatingButtons';
import { useReviewKeys } from './useReviewKeys';

export default function ReviewScreen() {
  const { roleId } = useParams();
  const [search] = useSearchParams();
  const topic = search.get('topic') ?? undefined;
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
      intervals: s.intervals,
      counts: s.counts,
      waitUntil: s.waitUntil,
      error: s.error,
      saving: s.saving,
      canUndo: s.undoStack.length > 0,
    })),
  );

  useEffect(() => {
    const scope = roleId ? ({ kind: 'role', deckId: roleId, topic } as const) : ({ kind: 'daily' } as const);
    void useReviewSession.getState().start(db, useAppStore.getState().settings, scope, Date.now());
  }, [db, roleId, topic]);

  // Decks still syncing in the background may bring cards: reload an empty session when they land.
  const dataVersion = useAppStore((s) => s.dataVersion);
  useEffect(() => {
    const { status, current, scope, ahead } = useReviewSession.getState();
    if (dataVersion === 0 || status !== 'ready' || current) return;
    void useReviewSession.getState().start(db, useAppStore.getState().settings, scope, Date.now(), ahead);
  }, [db, dataVersion]);

  // A learning card that comes due while the user waits appears without a reload.
  const hasCard = session.current !== null;
  // The renderer (Markdown, KaTeX, highlighting) loads once the first card is on screen, not before.
  useEffect(() => {
    if (hasCard) preloadMarkdown();
  }, [hasCard]);
  // While the user reads, prepare this card's answer and the next cards' questions.
  const both = settings.showBothLanguages;
  const currentCard = session.current?.card;
  useEffect(() => {
    const card = currentCard;
    if (!card) return;
    whenIdle(() => {
      const langs = both ? [lang, other(lang)] : [lang];
      const { queue } = useReviewSession.getState();
      const texts = [
        ...langs.map((l) => card.answer[l]),
        ...upcomingCards(queue, card.id).flatMap((next) => langs.map((l) => next.question[l])),
      ];
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
  useReviewKeys({ reveal, rate, undo });

  const toggleBoth = () => void updateSettings((s) => ({ ...s, showBothLanguages: !s.showBothLanguages }));
  const deck = useAsync(() => (roleId ? getDeck(db, roleId) : Promise.resolve(undefined)), [db, roleId]);
  const loaded = deck.status === 'done' ? deck.value : undefined;
  const topicName = topic ? (loaded?.topics[topic]?.[lang] ?? topic) : null;
  const roleName = `${loaded ? loaded.title[lang] : (roleId ?? '')}${topicName ? ` · ${topicName}` : ''}`;
  const title = roleId ? t('review.practiceTitle', { role: roleName ?? '' }) : t('review.title');

  return (
    <div className="review" aria-busy={session.saving}>
      <header className="review-bar">
        <h1>{title}</h1>
        <Counts counts={session.counts} label="remaining" />
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
      {session.status !== 'ready' ? (
        <p>{t('common.loading')}</p>
      ) : session.current ? (
        <>
          <CardView card={session.current.card} revealed={session.revealed} both={both} />
          <div className="answer-bar">
            {session.revealed && session.intervals ? (
              <RatingButtons intervals={session.intervals} onRate={rate} />
            ) : (
              <button className="primary show" onClick={reveal}>
                {t('review.show')} <kbd>{t('review.showHint')}</kbd>
              </button>
            )}
          </div>
          <p className="hint">{t('review.keys')}</p>
        </>
      ) : (
        <ReviewDone roleId={roleId} topic={topic} waitUntil={session.waitUntil} />
      )}
      <p>
        <Link to="/">{t('review.home')}</Link>
      </p>
    </div>
  );
}
