import { useDb } from '../../components/DbContext';
import { useFeatureT } from '../../components/useT';
import { answerMessages } from './answerMessages';
import { formatTime } from '../../i18n/format';
import { useAppStore } from '../../state/appStore';
import { useReviewSession } from '../../state/reviewSession';

/** The end of a session: come back later, or (practising one role) review ahead. */
export function ReviewDone({
  roleId,
  topic,
  waitUntil,
}: {
  roleId?: string;
  topic?: string;
  waitUntil: number | null;
}) {
  const { t, lang } = useFeatureT(answerMessages);
  const db = useDb();
  const reviewAhead = () => {
    if (!roleId) return;
    const settings = useAppStore.getState().settings;
    void useReviewSession
      .getState()
      .start(db, settings, { kind: 'role', deckId: roleId, topic }, Date.now(), true);
  };
  return (
    <section className="done">
      <h2>{t('review.done')}</h2>
      {waitUntil !== null ? (
        <p>{t('review.waiting', { time: formatTime(waitUntil, lang) })}</p>
      ) : (
        <p>{roleId ? t('today.nothing') : t('review.doneDaily')}</p>
      )}
      {roleId && waitUntil === null && (
        <>
          <p className="hint">{t('review.aheadHint')}</p>
          <button className="primary" onClick={reviewAhead}>
            {t('review.ahead')}
          </button>
        </>
      )}
    </section>
  );
}
