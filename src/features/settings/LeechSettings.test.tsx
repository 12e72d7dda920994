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

describe('leech settings', () => {
  it('refuses a threshold of 0 by name and range, saves 5, and switches automatic suspension on', async () => {
    const db = freshDb();
    const user = userEvent.setup();
    render(
      <DbProvider db={db}>
        <SettingsScreen />
      </DbProvider>,
    );
    const threshold = screen.getByLabelText('Leech after this many lapses');
    expect(threshold).toHaveValue('8');
    await user.clear(threshold);
    await user.type(threshold, '0');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('status')).toHaveTextContent('Leech after this many lapses (1–99)');
    expect((await loadSettings(db)).leechThreshold).toBe(8);
    await user.clear(threshold);
    await user.type(threshold, '5');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    expect((await loadSettings(db)).leechThreshold).toBe(5);
    await user.click(screen.getByRole('checkbox', { name: /Suspend a card automatically/ }));
    await expect.poll(async () => (await loadSettings(db)).suspendLeeches).toBe(true);
  });
});
