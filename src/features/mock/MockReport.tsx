import { Link } from 'react-router';
import type { CardRecord, DeckRecord } from '../../domain/deck/records';
import type { MockInterview } from '../../domain/mock/mockInterview';
import { answerScore, mockReport, mockTrend, type Score } from '../../domain/mock/score';
import { formatPercent } from '../../i18n/format';
import type { MockMessageKey } from './messages';

/** A question as one short line: cut at a word (or, in Chinese, a character) with an ellipsis. */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

const minutes = (ms: number) =>
  `${Math.floor(ms / 60_000)}:${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}`;

/** The end of an interview: scores per question, role and topic, what to drill, and the trend. */
export function MockReport({
  mock,
  previous,
  cards,
  decks,
  lang,
  t,
  onAgain,
}: {
  mock: MockInterview;
  /** Earlier finished interviews, for the trend. */
  previous: MockInterview[];
  cards: Map<string, CardRecord>;
  decks: DeckRecord[];
  lang: 'en' | 'zh';
  t: (key: MockMessageKey, vars?: Record<string, string | number>) => string;
  onAgain: () => void;
}) {
  const report = mockReport(mock);
  const pct = (s: Score) => formatPercent(s.ratio, lang);
  const deckName = (id: string) => decks.find((d) => d.id === id)?.title[lang] ?? id;
  const topicName = (deckId: string, topic: string) =>
    decks.find((d) => d.id === deckId)?.topics[topic]?.[lang] ?? topic;
  const drillByRole = new Map<string, string[]>();
  for (const a of report.drill) drillByRole.set(a.deckId, [...(drillByRole.get(a.deckId) ?? []), a.cardId]);
  return (
    <section className="mock-report" aria-label={t('mock.report')}>
      <h2>{t('mock.report')}</h2>
      <p className="mock-overall">
        {t('mock.overall', { pct: pct(report.overall), time: minutes(report.timeMs) })}
      </p>
      {mock.countAsReviews && <p className="hint">{t('mock.reviewsRecorded')}</p>}
      <table className="data-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('review.question' as MockMessageKey)}</th>
            <th>{t('mock.score')}</th>
            <th>{t('mock.timeUsed')}</th>
          </tr>
        </thead>
        <tbody>
          {mock.answers.map((a, i) => {
            const s = answerScore(a);
            return (
              <tr key={a.cardId}>
                <td>{i + 1}</td>
                <td>{excerpt(cards.get(a.cardId)?.question[lang] ?? a.cardId)}</td>
                <td>
                  {s.hit}/{s.total} ({pct(s)})
                </td>
                <td>{minutes(a.timeMs)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t('mock.byRole')}</h3>
      <ul>
        {[...report.byRole].map(([deckId, s]) => {
          const before = mockTrend(previous, deckId).at(-1);
          return (
            <li key={deckId}>
              {deckName(deckId)}: {pct(s)} ·{' '}
              {before ? t('mock.previous', { pct: formatPercent(before.ratio, lang) }) : t('mock.first')}
            </li>
          );
        })}
      </ul>
      <h3>{t('mock.byTopic')}</h3>
      <ul>
        {[...report.byTopic].map(([key, s]) => {
          const [deckId, topic] = key.split(':') as [string, string];
          return (
            <li key={key}>
              {topicName(deckId, topic)} ({deckName(deckId)}): {pct(s)}
            </li>
          );
        })}
      </ul>
      <h3>{t('mock.drill')}</h3>
      {report.drill.length === 0 ? (
        <p>{t('mock.drillNone')}</p>
      ) : (
        <>
          <ul>
            {report.drill.map((a) => (
              <li key={a.cardId}>{excerpt(cards.get(a.cardId)?.question[lang] ?? a.cardId)}</li>
            ))}
          </ul>
          {[...drillByRole].map(([deckId, ids]) => (
            <Link key={deckId} className="button primary" to={`/review/${deckId}?cards=${ids.join(',')}`}>
              {t('mock.practise')}
              {drillByRole.size > 1 ? ` · ${deckName(deckId)}` : ''}
            </Link>
          ))}
        </>
      )}
      <p>
        <button onClick={onAgain}>{t('mock.again')}</button>
      </p>
    </section>
  );
}
