import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../components/sync/protocol';
import { defaultSettings } from '../../domain/settings/settings';
import { useAppStore } from '../../state/appStore';
import { SyncSection } from './SyncSection';

const client = vi.hoisted(() => ({
  startSync: vi.fn(),
  syncStatus: vi.fn(),
  testServer: vi.fn(),
  setUpSync: vi.fn(),
  syncNow: vi.fn(),
  pauseSync: vi.fn(),
  forgetSync: vi.fn(),
  onSyncStatus: vi.fn(() => () => {}),
}));
vi.mock('../../components/sync/syncClient', () => client);

const off: SyncStatus = {
  setup: null,
  lastSync: null,
  lastFailure: null,
  pending: 0,
  running: false,
  progress: null,
};
const on: SyncStatus = {
  ...off,
  setup: { url: 'https://couch.example.com/recall', user: 'me', paused: false },
  lastSync: Date.UTC(2026, 0, 5, 9),
  lastFailure: 'unreachable',
  pending: 3,
};

beforeEach(() => {
  vi.stubGlobal('Worker', class {});
  vi.clearAllMocks();
  localStorage.clear();
  useAppStore.setState({ settings: { ...defaultSettings, language: 'en' } });
});

describe('Settings › Sync', () => {
  it('refuses a plain-http server by name, and says so when the server refuses the password', async () => {
    client.syncStatus.mockResolvedValue(off);
    client.testServer.mockResolvedValue({ issue: 'insecure' });
    client.setUpSync.mockResolvedValue({ failure: 'credentials' });
    const user = userEvent.setup();
    render(<SyncSection />);
    await user.type(await screen.findByLabelText(/Database URL/), 'http://couch.example.com/recall');
    await user.type(screen.getByLabelText('User name'), 'me');
    await user.type(screen.getByLabelText(/Password/), 'pw');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Use https://');
    await user.click(screen.getByRole('button', { name: 'Turn sync on' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('refused the user name or password');
    expect(client.setUpSync).toHaveBeenCalledWith({
      url: 'http://couch.example.com/recall',
      user: 'me',
      password: 'pw',
    });
  });

  it('shows the last sync, what waits, and a failure in words; pauses, and forgets only once confirmed', async () => {
    localStorage.setItem('interview-recall:sync-on', '1');
    client.startSync.mockResolvedValue(on);
    client.pauseSync.mockResolvedValue({ ...on, setup: { ...on.setup!, paused: true } });
    client.forgetSync.mockResolvedValue(off);
    const user = userEvent.setup();
    render(<SyncSection />);
    expect(
      await screen.findByText(/Syncing with https:\/\/couch.example.com\/recall as me/),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('3 reviews not yet on the server');
    expect(screen.getByRole('alert')).toHaveTextContent('The server could not be reached');
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(await screen.findByText(/Sync is paused/)).toBeInTheDocument();
    expect(client.pauseSync).toHaveBeenCalledWith(true);
    await user.click(screen.getByRole('button', { name: /Forget this device/ }));
    expect(client.forgetSync).not.toHaveBeenCalled();
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: /Forget this device/ }),
    );
    expect(await screen.findByRole('button', { name: 'Turn sync on' })).toBeInTheDocument();
    expect(client.forgetSync).toHaveBeenCalledOnce();
  });

  it('says how many cards have their state while a first pull replays them, in English and Chinese', async () => {
    localStorage.setItem('interview-recall:sync-on', '1');
    const replaying: SyncStatus = {
      ...on,
      lastFailure: null,
      pending: 0,
      running: true,
      progress: { pushed: 0, pulled: 1_000_000, replay: { done: 12_000, total: 71_000 } },
    };
    client.startSync.mockResolvedValue(replaying);
    const { unmount } = render(<SyncSection />);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Syncing… 1,000,000 reviews received. Updating card states: 12,000 of 71,000 cards.',
    );
    unmount();
    useAppStore.setState({ settings: { ...defaultSettings, language: 'zh' } });
    render(<SyncSection />);
    expect(await screen.findByRole('status')).toHaveTextContent('正在更新卡片状态：12,000 / 71,000 张卡片');
  });

  it('says how far a large pull’s reviews are added to the history after the sync, in English and Chinese', async () => {
    localStorage.setItem('interview-recall:sync-on', '1');
    const storing: SyncStatus = {
      ...on,
      lastFailure: null,
      pending: 0,
      running: false,
      progress: null,
      storing: { done: 340_000, total: 1_000_000 },
    };
    client.startSync.mockResolvedValue(storing);
    const { unmount } = render(<SyncSection />);
    expect(
      await screen.findByText(/Adding the received reviews to the review history: 340,000 of 1,000,000\./),
    ).toBeInTheDocument();
    unmount();
    useAppStore.setState({ settings: { ...defaultSettings, language: 'zh' } });
    render(<SyncSection />);
    expect(
      await screen.findByText(/正在把接收到的复习记录写入复习历史：340,000 \/ 1,000,000/),
    ).toBeInTheDocument();
  });
});
