import { lazy, Suspense, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { describeProblem } from '../domain/deck/problem';
import { useFeatureT } from '../components/useT';
import { bannerMessages } from './bannerMessages';
import { useAppStore } from '../state/appStore';
import { dismiss, isDismissed, useDismissed } from './dismissed';

// Never shown while reviewing, and shown only once it has read when the last backup was: its code
// is not part of the first card's download.
const BackupReminder = lazy(() =>
  import('../features/data/BackupReminder').then((m) => ({ default: m.BackupReminder })),
);

/** Refused persistent storage, said once on Today with what to do; the Data screen keeps saying it. */
function StorageNotice() {
  const { t } = useFeatureT(bannerMessages);
  const [hidden, setHidden] = useState(() => isDismissed('storageNotice'));
  if (hidden) return null;
  return (
    <div role="status" className="banner banner-warn storage-notice">
      <p>
        <strong>{t('banner.storageRefused')}</strong> {t('banner.storageWhatToDo')}
      </p>
      <p className="banner-actions">
        <Link className="button" to="/data">
          {t('banner.backUp')}
        </Link>{' '}
        <button
          type="button"
          onClick={() => {
            dismiss('storageNotice');
            setHidden(true);
          }}
        >
          {t('banner.dismiss')}
        </button>
      </p>
    </div>
  );
}

/**
 * Bundled decks that failed to load. Their report comes when the decks are stored, after the
 * screen is up, so it shows below the screen (Layout) and never pushes it down.
 */
export function DeckProblems() {
  const { t } = useFeatureT(bannerMessages);
  const problems = useAppStore((s) => s.deckProblems);
  if (problems.length === 0) return null;
  return (
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
  );
}

/**
 * App-wide notices above the screen: a waiting update; on Today, refused persistent
 * storage; a backup due, except while reviewing, where the card comes first.
 */
export function Banners() {
  const { t } = useFeatureT(bannerMessages);
  const { pathname } = useLocation();
  const updateReady = useAppStore((s) => s.updateReady);
  const persist = useAppStore((s) => s.persist);
  // A newcomer sees the welcome first; the storage notice waits for their next visit to Today, and
  // the backup reminder (nothing is studied yet) does not load before the welcome is done.
  // (Subscribed: the welcome is done in another component, maybe after the persistence answer came.)
  const welcomeDone = useDismissed('welcome');
  const welcoming = useAppStore((s) => Object.keys(s.settings.roles).length === 0) && !welcomeDone;
  const reviewing = pathname === '/review' || pathname.startsWith('/review/');
  return (
    <>
      {updateReady && (
        <div role="status" className="banner">
          {t('banner.update')} <button onClick={updateReady}>{t('banner.reload')}</button>
        </div>
      )}
      {persist === 'refused' && pathname === '/' && !welcoming && <StorageNotice />}
      {!reviewing && !welcoming && (
        <Suspense fallback={null}>
          <BackupReminder />
        </Suspense>
      )}
    </>
  );
}
