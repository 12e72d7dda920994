import { describeProblem } from '../domain/deck/problem';
import { useT } from '../components/useT';
import { useAppStore } from '../state/appStore';
import { BackupReminder } from '../features/data/BackupReminder';

/** App-wide notices: decks that failed to load, a waiting update, refused persistent storage, a backup due. */
export function Banners() {
  const { t } = useT();
  const problems = useAppStore((s) => s.deckProblems);
  const updateReady = useAppStore((s) => s.updateReady);
  const persist = useAppStore((s) => s.persist);
  return (
    <>
      {problems.length > 0 && (
        <div role="alert" className="banner banner-error deck-problems">
          <p>{t('banner.deckProblems')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <code>{describeProblem(p)}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {updateReady && (
        <div role="status" className="banner">
          {t('banner.update')} <button onClick={updateReady}>{t('banner.reload')}</button>
        </div>
      )}
      {persist === 'refused' && (
        <div role="status" className="banner banner-warn">
          {t('banner.storageRefused')}
        </div>
      )}
      <BackupReminder />
    </>
  );
}
