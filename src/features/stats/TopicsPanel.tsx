import { Link } from 'react-router';
import { useFeatureT } from '../../components/useT';
import { statsMessages } from './messages';
import type { Localized } from '../../domain/deck/schema';
import { weakAndNotStarted, type TopicRow } from '../../domain/stats/topics';
import { formatNumber, formatPercent } from '../../i18n/format';

const WEAKEST = 5;

/**
 * The weakest of the topics started, ranked by evidence, each one click away from practice; the
 * topics not started apart; then the whole per-topic table.
 */
export function TopicsPanel({
  deckId,
  rows,
  topics,
}: {
  deckId: string;
  rows: TopicRow[];
  topics: Record<string, Localized>;
}) {
  const { t, lang } = useFeatureT(statsMessages);
  const name = (topic: string) => topics[topic]?.[lang] ?? topic;
  const practise = (topic: string) => `/review/${deckId}?topic=${encodeURIComponent(topic)}`;
  const { weakest, notStarted } = weakAndNotStarted(rows);
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, lang, 1));
  return (
    <section className="panel" aria-labelledby="topics-h">
      <h2 id="topics-h">{t('stats.weakest')}</h2>
      <p className="hint">{t('stats.weakestHint')}</p>
      {weakest.length === 0 ? (
        <p>{t('stats.weakestNone')}</p>
      ) : (
        <ol className="weakest" aria-labelledby="topics-h">
          {weakest.slice(0, WEAKEST).map((r) => (
            <li key={r.topic}>
              <strong>{name(r.topic)}</strong>{' '}
              <span>
                {t('stats.weakRow', {
                  recall: pct(r.recallStudied),
                  studied: r.studied,
                  lapses: r.lapses,
                  reviews: r.reviews,
                })}
              </span>{' '}
              <Link className="button" to={practise(r.topic)}>
                {t('stats.practiseTopic', { topic: name(r.topic) })}
              </Link>
            </li>
          ))}
        </ol>
      )}
      {notStarted.length > 0 && (
        <>
          <h3 id="not-started-h">{t('stats.notStarted')}</h3>
          <p className="hint">{t('stats.notStartedHint')}</p>
          <ul className="not-started" aria-labelledby="not-started-h">
            {notStarted.map((r) => (
              <li key={r.topic}>
                {name(r.topic)} · {t('stats.topicCards', { n: r.cards })} ·{' '}
                <Link to={practise(r.topic)} aria-label={t('stats.startTopic', { topic: name(r.topic) })}>
                  {t('stats.start')}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <details>
        <summary>{t('stats.topics')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('stats.topic')}</th>
              <th scope="col">{t('stats.cards')}</th>
              <th scope="col">{t('stats.studied')}</th>
              <th scope="col">{t('stats.recallOfStudied')}</th>
              <th scope="col">{t('stats.lapses')}</th>
              <th scope="col">{t('stats.reviews')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.topic}>
                <th scope="row">{name(r.topic)}</th>
                <td>{formatNumber(r.cards, lang)}</td>
                <td>{formatNumber(r.studied, lang)}</td>
                <td>{pct(r.recallStudied)}</td>
                <td>{formatNumber(r.lapses, lang)}</td>
                <td>{formatNumber(r.reviews, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
