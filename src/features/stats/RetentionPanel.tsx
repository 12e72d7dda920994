import { useFeatureT } from '../../components/useT';
import { statsMessages } from './messages';
import type { History } from '../../domain/stats/history';
import { formatPercent } from '../../i18n/format';
import type { StatsMessageKey as MessageKey } from './messages';

const windows: [keyof History['trueRetention'], MessageKey][] = [
  ['today', 'stats.window.today'],
  ['d7', 'stats.window.d7'],
  ['d30', 'stats.window.d30'],
  ['d365', 'stats.window.d365'],
];

export function RetentionPanel({
  retention,
  desired,
}: {
  retention: History['trueRetention'];
  desired: number;
}) {
  const { t, lang } = useFeatureT(statsMessages);
  return (
    <section className="panel" aria-labelledby="retention-h">
      <h2 id="retention-h">{t('stats.retention')}</h2>
      <dl className="stat-grid">
        {windows.map(([key, label]) => (
          <div key={key}>
            <dt>{t(label)}</dt>
            <dd data-testid={`retention-${key}`}>
              {retention[key] === null ? '—' : formatPercent(retention[key], lang, 1)}
            </dd>
          </div>
        ))}
      </dl>
      <p className="hint">{t('stats.retentionHint', { desired: formatPercent(desired, lang) })}</p>
    </section>
  );
}
