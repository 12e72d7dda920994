import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../domain/settings/settings';
import { useAppStore } from '../state/appStore';
import { ErrorBoundary, ScreenErrorBoundary } from './ErrorBoundary';

function Card({ text }: { text: string }) {
  if (text === 'broken') throw new RangeError('Maximum call stack size exceeded');
  return <p>{text}</p>;
}

beforeEach(() => {
  useAppStore.setState({ settings: { ...defaultSettings, language: 'en' } });
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('ErrorBoundary', () => {
  it('says what failed and offers the caller’s ways out instead of blanking the page', async () => {
    const onSkip = vi.fn();
    const onSuspend = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(
      <main>
        <h1>Review</h1>
        <ErrorBoundary
          title="error.card"
          subject="rag.deep"
          resetKey="rag.deep"
          onSkip={onSkip}
          onSuspend={onSuspend}
        >
          <Card text="broken" />
        </ErrorBoundary>
      </main>,
    );
    expect(screen.getByRole('heading', { name: 'Review' })).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('This card could not be shown.');
    expect(alert).toHaveTextContent('What failed: rag.deep · RangeError: Maximum call stack size exceeded');
    await user.click(screen.getByRole('button', { name: 'Skip this card' }));
    await user.click(screen.getByRole('button', { name: 'Suspend this card' }));
    expect([onSkip.mock.calls.length, onSuspend.mock.calls.length]).toEqual([1, 1]);
    rerender(
      <main>
        <ErrorBoundary title="error.card" resetKey="rag.next">
          <Card text="The next card" />
        </ErrorBoundary>
      </main>,
    );
    expect(screen.getByText('The next card')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the rest of the app usable when a screen throws, with a way home', () => {
    render(
      <MemoryRouter initialEntries={['/roles/rag']}>
        <nav>menu</nav>
        <ScreenErrorBoundary>
          <Card text="broken" />
        </ScreenErrorBoundary>
      </MemoryRouter>,
    );
    expect(screen.getByText('menu')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('This screen could not be shown.');
    expect(screen.getByRole('link', { name: 'Go to Today' })).toHaveAttribute('href', '/');
  });
});
