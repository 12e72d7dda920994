import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../components/DbContext';
import type { DeckProblem } from '../domain/deck/problem';
import { defaultSettings } from '../domain/settings/settings';
import { freshDb } from '../storage/testing';
import { useAppStore } from '../state/appStore';
import { Layout } from './Layout';

beforeEach(() => {
  localStorage.clear();
  useAppStore.setState({ decksPending: false, welcomedEarly: false, deckProblems: [] });
});

describe('a first visit before the first decks are stored', () => {
  it('shows the welcome at once, the screen below it only once the decks are in, and keeps what the user ticked', async () => {
    useAppStore.getState().readyBeforeDecks({ ...defaultSettings, language: 'en' });
    render(
      <DbProvider db={freshDb()}>
        <MemoryRouter initialEntries={['/']}>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<p>Today screen</p>} />
            </Route>
          </Routes>
        </MemoryRouter>
      </DbProvider>,
    );
    const role = await screen.findByRole('checkbox', { name: 'Behavioral & portfolio interviews' });
    expect(screen.queryByText('Today screen')).toBeNull();
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    await userEvent.setup().click(role);
    expect(role).toBeChecked();

    act(() => useAppStore.getState().decksStored([]));

    expect(await screen.findByText('Today screen')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Behavioral & portfolio interviews' })).toBe(role);
    expect(role).toBeChecked();
  });

  it('keeps settings changed meanwhile when the decks come in, and adds their problems', () => {
    const store = useAppStore.getState();
    store.readyBeforeDecks({ ...defaultSettings, language: 'en' });
    store.setSettings({ ...defaultSettings, language: 'en', rolloverHour: 6 });
    const problem: DeckProblem = { file: 'rag.json', cardId: null, field: 'cards', message: 'broken' };
    store.decksStored([problem]);
    const after = useAppStore.getState();
    expect(after.decksPending).toBe(false);
    expect(after.settings.rolloverHour).toBe(6);
    expect(after.deckProblems).toEqual([problem]);
  });
});
