import { useFeatureT } from '../../components/useT';
import { dataMessages } from './messages';
import type { RestoreSummary } from '../../domain/backup/plan';
import { formatDate, formatNumber, formatTime } from '../../i18n/format';
import type { RestorePreview } from './worker/restoreJob';

/** What the file holds. */
export function BackupContents({ contents }: { contents: RestorePreview['contents'] }) {
  const { t, lang } = useFeatureT(dataMessages);
  const n = (x: number) => formatNumber(x, lang);
  return (
    <p data-testid="backup-contents">
      {t('data.restore.contents', {
        date: `${formatDate(contents.createdAt, lang)} ${formatTime(contents.createdAt, lang)}`,
        decks: n(contents.decks),
        cards: n(contents.cards),
        states: n(contents.states),
        logs: n(contents.logs),
      })}
    </p>
  );
}

/** What a restore in the chosen mode will do, in counts, before anything is written. */
export function RestoreSummaryView({ summary }: { summary: RestoreSummary }) {
  const { t, lang } = useFeatureT(dataMessages);
  const n = (x: number) => formatNumber(x, lang);
  const replace = summary.mode === 'replace';
  const lines = [
    replace
      ? t('data.restore.replaceLogs', { added: n(summary.logs.added), removed: n(summary.logs.removed) })
      : t('data.restore.mergeLogs', { added: n(summary.logs.added), here: n(summary.logs.alreadyHere) }),
    replace
      ? t('data.restore.replaceStates', { n: n(summary.states.fromBackup) })
      : t('data.restore.mergeStates', {
          taken: n(summary.states.fromBackup),
          kept: n(summary.states.keptCurrent),
        }),
    summary.states.fresh > 0 ? t('data.restore.fresh', { n: n(summary.states.fresh) }) : null,
    summary.states.unknown > 0 ? t('data.restore.unknown', { n: n(summary.states.unknown) }) : null,
    replace
      ? t('data.restore.replaceDecks', { added: n(summary.decks.added), removed: n(summary.decks.removed) })
      : t('data.restore.mergeDecks', { added: n(summary.decks.added), kept: n(summary.decks.kept) }),
    replace ? t('data.restore.replaceSettings') : t('data.restore.keepSettings'),
  ].filter((l): l is string => l !== null);
  return (
    <ul className="restore-summary" data-testid="restore-summary">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
