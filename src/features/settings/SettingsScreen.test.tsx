import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../../components/DbContext';
import { defaultSettings } from '../../domain/settings/settings';
import { loadSettings } from '../../storage/settings';
import { freshDb } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import SettingsScreen from './SettingsScreen';

beforeEach(() => {
  useAppStore.setState({ settings: { ...defaultSettings, language: 'en' } });
});

describe('Settings screen', () => {
  it('refuses steps beyond a day (or too many), naming the field and its range, and stores nothing', async () => {
    const db = freshDb();
    const user = userEvent.setup();
    render(
      <DbProvider db={db}>
        <SettingsScreen />
      </DbProvider>,
    );
    const learning = screen.getByLabelText(/^Learning steps/);
    await user.clear(learning);
    await user.type(learning, '1m 99999999999d');
    const relearning = screen.getByLabelText(/^Relearning steps/);
    await user.clear(relearning);
    await user.type(relearning, Array.from({ length: 11 }, () => '10m').join(' '));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Not saved: Learning steps (1m–1d, ≤ 10), Relearning steps (1m–1d, ≤ 10)',
    );
    expect((await loadSettings(db)).learningSteps).toEqual(['1m', '10m']);
    expect(useAppStore.getState().settings.learningSteps).toEqual(['1m', '10m']);

    await user.clear(learning);
    await user.type(learning, '1m 1d');
    await user.clear(relearning);
    await user.type(relearning, '10m');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    expect((await loadSettings(db)).learningSteps).toEqual(['1m', '1d']);
  });
});
