import { Meter } from '../../components/charts/Meter';
import { useFeatureT } from '../../components/useT';
import { statsMessages } from './messages';
import type { Readiness } from '../../domain/stats/readiness';
import { formatNumber, formatPercent } from '../../i18n/format';

export function ReadinessPanel({ readiness }: { readiness: Readiness }) {
  const { t, lang } = useFeatureT(statsMessages);
  const pct = (v: number) => formatPercent(v, lang, 1);
  return (
    <section className="panel" aria-labelledby="readiness-h">
      <h2 id="readiness-h">{t('stats.readiness')}</h2>
      <p className="big-number" data-testid="readiness">
        {pct(readiness.readiness)}
      </p>
      <p className="hint">{t('stats.readinessHint')}</p>
      <Meter label={t('stats.coverage')} value={readiness.coverage} text={pct(readiness.coverage)} />
      <Meter
        label={t('stats.recallStudied')}
        value={readiness.recallStudied ?? 0}
        text={readiness.recallStudied === null ? '—' : pct(readiness.recallStudied)}
      />
      <p>
        {t('stats.studied')}: {formatNumber(readiness.studied, lang)} / {formatNumber(readiness.cards, lang)}
      </p>
    </section>
  );
}
