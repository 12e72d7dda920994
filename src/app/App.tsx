import { useDeferredValue } from 'react';
import { BrowserRouter } from 'react-router';
import { DbProvider } from '../components/DbContext';
import { useT } from '../components/useT';
import type { AppDb } from '../storage/db';
import { useAppStore } from '../state/appStore';
import { AppRoutes } from './routes';

export function App({ db }: { db: AppDb }) {
  // The first screen renders as a transition: React builds it in slices of a few milliseconds
  // between which the browser can handle input, instead of one task as long as the whole screen.
  const status = useDeferredValue(useAppStore((s) => s.status));
  const bootError = useAppStore((s) => s.bootError);
  const { t } = useT();
  if (status === 'booting') return <p className="boot">{t('common.loading')}</p>;
  if (status === 'failed')
    return (
      <div role="alert" className="banner banner-error">
        <h1>{t('error.title')}</h1>
        <p>{t('error.boot', { reason: bootError ?? '' })}</p>
      </div>
    );
  return (
    <DbProvider db={db}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </DbProvider>
  );
}
