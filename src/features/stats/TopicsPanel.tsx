import { Link } from 'react-router';
import { useFeatureT } from '../../components/useT';
import { statsMessages } from './messages';
import type { Localized } from '../../domain/deck/schema';
import type { TopicRow } from '../../domain/stats/readiness';
import { formatNumber, formatPercent } from '../../i18n/format';

const WEAKEST = 5;

/** Weakest topics first, each one click away from practice; then the whole per-topic table. */
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
  return (
    <section className="panel" aria-labelledby="topics-h">
      <h2 id="topics-h">{t('stats.weakest')}</h2>
      <ol className="weakest">
        {rows.slice(0, WEAKEST).map((r) => (
          <li key={r.topic}>
            {name(r.topic)} — {formatPercent(r.meanRecall, lang)} · {t('stats.lapses')}{' '}
            {formatNumber(r.lapses, lang)}{' '}
            <Link className="button" to={practise(r.topic)}>
              {t('stats.practiseTopic', { topic: name(r.topic) })}
            </Link>
          </li>
        ))}
      </ol>
      <details>
        <summary>{t('stats.topics')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('stats.topic')}</th>
              <th scope="col">{t('stats.cards')}</th>
              <th scope="col">{t('stats.studied')}</th>
              <th scope="col">{t('stats.meanRecall')}</th>
              <th scope="col">{t('stats.lapses')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.topic}>
                <th scope="row">{name(r.topic)}</th>
                <td>{formatNumber(r.cards, lang)}</td>
                <td>{formatNumber(r.studied, lang)}</td>
                <td>{formatPercent(r.meanRecall, lang, 1)}</td>
                <td>{formatNumber(r.lapses, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
