import { Suspense, useEffect } from 'react';
import { NavLink, Outlet } from 'react-router';
import { ScreenErrorBoundary } from '../components/ErrorBoundary';
import { useUpdateSettings } from '../components/useSettingsActions';
import { useT } from '../components/useT';
import { Banners } from './Banners';
import { openDetailsWhilePrinting } from './printDetails';
import { ShortcutsSheet } from './ShortcutsSheet';
import { useSlashToSearch } from './useSlashToSearch';
import { WelcomeGate } from './WelcomeGate';

export function Layout() {
  const { t, lang } = useT();
  const update = useUpdateSettings();
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('app.name');
  }, [lang, t]);
  useEffect(() => openDetailsWhilePrinting(), []);
  useSlashToSearch();
  const switchLanguage = () => void update((s) => ({ ...s, language: lang === 'en' ? 'zh' : 'en' }));
  return (
    <>
      <header className="top">
        <nav aria-label={t('nav.label')}>
          <NavLink to="/" end>
            {t('nav.today')}
          </NavLink>
          <NavLink to="/roles">{t('nav.roles')}</NavLink>
          <NavLink to="/browse">{t('nav.browse')}</NavLink>
          <NavLink to="/stats">{t('nav.stats')}</NavLink>
          <NavLink to="/settings">{t('nav.settings')}</NavLink>
          <NavLink to="/data">{t('data.nav')}</NavLink>
        </nav>
        <ShortcutsSheet />
        <button className="lang" onClick={switchLanguage} aria-label={t('nav.languageLabel')}>
          {t('nav.language')}
        </button>
      </header>
      <Banners />
      <main>
        {/* One boundary: on a first visit the screen shows with the welcome above it, never before it. */}
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <WelcomeGate />
          <ScreenErrorBoundary>
            <Outlet />
          </ScreenErrorBoundary>
        </Suspense>
      </main>
    </>
  );
}
