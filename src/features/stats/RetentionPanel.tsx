import { useT } from '../../components/useT';
import type { History } from '../../domain/stats/history';
import { formatPercent } from '../../i18n/format';
import type { MessageKey } from '../../i18n/translate';

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
  const { t, lang } = useT();
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
