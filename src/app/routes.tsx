import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { loadedScreen } from './loadedScreen';
import ReviewScreen from '../features/review/ReviewScreen';
import { statsWorker } from '../components/stats/statsWorker';

// Review is in the first bundle (the first card must not wait for another download); Today loads
// on demand, but starts loading with the app, beside the boot's database work, when the address
// is Today's: a cold start of /review does not download it.
const loadToday = () => import('../features/today/TodayScreen');
if (typeof location !== 'undefined' && location.pathname === '/') void loadToday();
const TodayScreen = lazy(loadToday);
const RolesScreen = lazy(() => import('../features/roles/RolesScreen'));
const RoleScreen = lazy(() => import('../features/role/RoleScreen'));
const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen'));
// The statistics worker starts (its download, modules, database connection) and reads the
// snapshots the screen will ask for while the screen's code downloads.
const StatsScreen = loadedScreen(
  () => import('../features/stats/StatsScreen'),
  () => {
    if (typeof Worker !== 'undefined') statsWorker();
    const role = /^\/roles\/([^/]+)\/stats/.exec(location.pathname)?.[1];
    const deckIds = role ? [decodeURIComponent(role)] : null;
    void import('../components/stats/statsClient').then((m) => m.startStatsWorker(deckIds));
  },
);
const DataScreen = lazy(() => import('../features/data/DataScreen'));
const OptimizerScreen = lazy(() => import('../features/optimizer/OptimizerScreen'));
const MockScreen = lazy(() => import('../features/mock/MockScreen'));
const BrowserScreen = lazy(() => import('../features/browser/BrowserScreen'));
const CardPage = lazy(() => import('../features/browser/CardPage'));
const NotFound = lazy(() => import('./NotFound'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<TodayScreen />} />
        <Route path="review" element={<ReviewScreen />} />
        <Route path="review/:roleId" element={<ReviewScreen />} />
        <Route path="roles" element={<RolesScreen />} />
        <Route path="roles/:roleId" element={<RoleScreen />} />
        <Route path="roles/:roleId/stats" element={<StatsScreen />} />
        <Route path="stats" element={<StatsScreen />} />
        <Route path="settings" element={<SettingsScreen />} />
        <Route path="data" element={<DataScreen />} />
        <Route path="optimizer" element={<OptimizerScreen />} />
        <Route path="roles/:roleId/optimizer" element={<OptimizerScreen />} />
        <Route path="mock" element={<MockScreen />} />
        <Route path="roles/:roleId/mock" element={<MockScreen />} />
        <Route path="browse" element={<BrowserScreen />} />
        <Route path="cards/:cardId" element={<CardPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
