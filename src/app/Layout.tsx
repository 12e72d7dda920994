import { Suspense, useEffect } from 'react';
import { NavLink, Outlet } from 'react-router';
import { ScreenErrorBoundary } from '../components/ErrorBoundary';
import { useUpdateSettings } from '../components/useSettingsActions';
import { useT } from '../components/useT';
import { useAppStore } from '../state/appStore';
import { BannersGate, DeckProblemsGate } from './BannersGate';
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
  const decksPending = useAppStore((s) => s.decksPending);
  const welcomedEarly = useAppStore((s) => s.welcomedEarly);
  const loading = <p>{t('common.loading')}</p>;
  const screen = (
    <ScreenErrorBoundary>
      <Outlet />
    </ScreenErrorBoundary>
  );
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
      <BannersGate />
      <main>
        {/* One boundary: on a first visit the screen shows with the welcome above it, never before it.
            A welcome shown before the decks were stored has the screen mount below it later, in a
            boundary of its own so that its loading does not hide the welcome. */}
        <Suspense fallback={loading}>
          <WelcomeGate />
          {decksPending ? loading : welcomedEarly ? <Suspense fallback={loading}>{screen}</Suspense> : screen}
        </Suspense>
      </main>
      <DeckProblemsGate />
    </>
  );
}
