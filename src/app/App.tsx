import { BrowserRouter } from 'react-router';
import { DbProvider } from '../components/DbContext';
import { useT } from '../components/useT';
import type { AppDb } from '../storage/db';
import { useAppStore } from '../state/appStore';
import { AppRoutes } from './routes';

export function App({ db }: { db: AppDb }) {
  const status = useAppStore((s) => s.status);
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
