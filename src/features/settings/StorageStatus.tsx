import { useFeatureT } from '../../components/useT';
import { settingsMessages } from './messages';
import { useAppStore } from '../../state/appStore';

export function StorageStatus() {
  const { t } = useFeatureT(settingsMessages);
  const persist = useAppStore((s) => s.persist);
  const text =
    persist === 'granted'
      ? t('settings.persisted')
      : persist === 'refused'
        ? t('settings.notPersisted')
        : persist === 'unsupported'
          ? t('settings.persistUnknown')
          : t('common.loading');
  return (
    <section>
      <h2>{t('settings.storage')}</h2>
      <p data-persist={persist}>{text}</p>
    </section>
  );
}
