import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../components/DbContext';
import { defaultSettings, roleSettings } from '../domain/settings/settings';
import { freshDb } from '../storage/testing';
import { useAppStore } from '../state/appStore';
import { Banners } from './Banners';
import { dismiss } from './dismissed';

const renderAt = (path: string) =>
  render(
    <DbProvider db={freshDb()}>
      <MemoryRouter initialEntries={[path]}>
        <Banners />
      </MemoryRouter>
    </DbProvider>,
  );

beforeEach(() => {
  localStorage.clear();
  // Not a first visit: a role was set.
  useAppStore.setState({
    settings: { ...defaultSettings, language: 'en', roles: { rag: roleSettings(defaultSettings, 'rag') } },
    persist: 'refused',
  });
});

describe('refused persistent storage', () => {
  it('is said on Today with what to do, until dismissed', async () => {
    const user = userEvent.setup();
    const { unmount } = renderAt('/');
    const notice = screen.getByText(/This browser refused persistent storage/).closest('.banner')!;
    expect(notice).toHaveTextContent('Install the app');
    expect(screen.getByRole('link', { name: 'Back up now' })).toHaveAttribute('href', '/data');
    await user.click(screen.getByRole('button', { name: 'Got it' }));
    expect(screen.queryByText(/refused persistent storage/)).toBeNull();
    unmount();
    renderAt('/');
    expect(screen.queryByText(/refused persistent storage/)).toBeNull();
  });

  it('waits while a newcomer is welcomed', () => {
    useAppStore.setState({ settings: { ...defaultSettings, language: 'en' } });
    renderAt('/');
    expect(screen.queryByText(/refused persistent storage/)).toBeNull();
  });

  it('is said as soon as the welcome is done, though the browser answered while it showed', () => {
    useAppStore.setState({ settings: { ...defaultSettings, language: 'en' } });
    renderAt('/');
    expect(screen.queryByText(/refused persistent storage/)).toBeNull();
    act(() => dismiss('welcome'));
    expect(screen.getByText(/This browser refused persistent storage/)).toBeInTheDocument();
  });

  it('is not on every screen, and never between the user and a review', () => {
    for (const path of ['/review', '/review/rag', '/roles', '/stats']) {
      const { unmount } = renderAt(path);
      expect(screen.queryByText(/refused persistent storage/), path).toBeNull();
      unmount();
    }
  });
});
