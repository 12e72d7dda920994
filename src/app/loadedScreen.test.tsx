import { act, render, screen } from '@testing-library/react';
import { lazy, Suspense, type ComponentType } from 'react';
import { createMemoryRouter, Link, Outlet, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScreenErrorBoundary } from '../components/ErrorBoundary';
import { defaultSettings } from '../domain/settings/settings';
import { useAppStore } from '../state/appStore';
import { loadedScreen } from './loadedScreen';

type Module = { default: ComponentType };

/** A module whose download finishes (or fails) when the test says so. */
function download() {
  let finish!: (m: Module) => void;
  let fail!: (e: Error) => void;
  const promise = new Promise<Module>((resolve, reject) => ((finish = resolve), (fail = reject)));
  return { load: vi.fn(() => promise), finish, fail, promise };
}

const Stats = () => <h1>Statistics</h1>;

/** Lets React finish the work it has scheduled (setImmediate in Node), short of its timers. */
async function settle() {
  for (let i = 0; i < 20; i++) await new Promise((next) => setImmediate(next));
}

const TodayNeverLoaded = lazy(() => new Promise<Module>(() => {}));

/** The app's shape: one boundary around the screens (Today's code, by default, never arriving). */
function app(StatsRoute: ComponentType, Today: ComponentType = TodayNeverLoaded) {
  const Layout = () => (
    <>
      <Link to="/stats">Stats</Link>
      <Suspense fallback={<p>Loading…</p>}>
        <ScreenErrorBoundary>
          <Outlet />
        </ScreenErrorBoundary>
      </Suspense>
    </>
  );
  const router = createMemoryRouter([
    {
      element: <Layout />,
      children: [
        { index: true, element: <Today /> },
        { path: 'stats', element: <StatsRoute /> },
      ],
    },
  ]);
  render(<RouterProvider router={router} />);
  return router;
}

beforeEach(() => useAppStore.getState().ready({ ...defaultSettings, language: 'en' }, []));
afterEach(() => vi.restoreAllMocks());

describe('a screen loaded on demand', () => {
  it('shows once its code is in, even while the screen before it was still loading', async () => {
    // Outside act() React schedules as in a browser (inside it, it would not throttle at all). The
    // test lets React finish its scheduled work but waits for no timer: `lazy` would show the
    // screen only from a timer, 300 ms after the fallback (React's fallback throttle).
    const stats = download();
    const router = app(loadedScreen(stats.load));
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      await router.navigate('/stats');
      await settle();
      stats.finish({ default: Stats });
      await settle();

      expect(screen.getByRole('heading', { name: 'Statistics' })).toBeInTheDocument();
    } finally {
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
    }
  });

  it('starts the download, and what goes with it, once however often it is opened', async () => {
    const stats = download();
    const start = vi.fn();
    const Route = loadedScreen(stats.load, start);
    const router = app(Route);
    await act(() => router.navigate('/stats'));
    await act(async () => {
      stats.finish({ default: Stats });
      await stats.promise;
    });
    await act(() => router.navigate('/'));
    await act(() => router.navigate('/stats'));

    expect(screen.getByRole('heading', { name: 'Statistics' })).toBeInTheDocument();
    expect(stats.load).toHaveBeenCalledTimes(1);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('says so when its code cannot be downloaded, and tries again on the next visit', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const first = download();
    const again = download();
    const load = vi.fn().mockImplementationOnce(first.load).mockImplementationOnce(again.load);
    const router = app(loadedScreen(load), () => <p>Today</p>);
    await act(() => router.navigate('/stats'));
    await act(async () => {
      first.fail(new Error('offline'));
      await first.promise.catch(() => undefined);
    });

    expect(screen.getByRole('alert')).toHaveTextContent('offline');

    await act(() => router.navigate('/'));
    await act(() => router.navigate('/stats'));
    await act(async () => {
      again.finish({ default: Stats });
      await again.promise;
    });
    expect(screen.getByRole('heading', { name: 'Statistics' })).toBeInTheDocument();
  });
});
