import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { HistoryRow } from '../../domain/browse/history';
import { defaultSettings } from '../../domain/settings/settings';
import { useAppStore } from '../../state/appStore';
import { CardHistory } from './CardHistory';

const DAY = 86_400_000;
const history: HistoryRow[] = Array.from({ length: 120 }, (_, i) => ({
  review: Date.UTC(2026, 0, 1) + i * DAY,
  rating: 3,
  intervalDays: i + 1,
  stability: i + 1,
  durationMs: 5_000,
}));

describe('card history', () => {
  it('shows the latest 50 reviews first and every earlier one on request', async () => {
    useAppStore.getState().ready({ ...defaultSettings, language: 'en' }, []);
    render(<CardHistory history={history} />);
    const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows()).toHaveLength(50);
    // The latest review is the last row: the 120th gave an interval of 120 days.
    expect(rows().at(-1)).toHaveTextContent('120 days');
    await userEvent.click(screen.getByRole('button', { name: 'Show the 70 earlier reviews' }));
    expect(rows()).toHaveLength(120);
    expect(rows()[0]).toHaveTextContent('1 day');
    expect(screen.queryByRole('button', { name: /earlier/ })).not.toBeInTheDocument();
  });
});
