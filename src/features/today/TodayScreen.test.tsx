import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DbProvider } from '../../components/DbContext';
import { defaultSettings, roleSettings } from '../../domain/settings/settings';
import { syncDecks } from '../../storage/deckSync';
import { freshDb, testCard, testDeckFile } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import TodayScreen from './TodayScreen';

const localDate = (time: number) => {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('Today', () => {
  it('shows each role’s interview date and the days left to it', async () => {
    const db = freshDb();
    await syncDecks(db, [testDeckFile('rag', [testCard('rag', 'c1')], 'h')]);
    const when = new Date(Date.now() + 12 * 86_400_000);
    when.setHours(12);
    useAppStore.setState({
      settings: {
        ...defaultSettings,
        language: 'en',
        roles: {
          rag: { ...roleSettings(defaultSettings, 'rag'), enabled: true, interviewDate: localDate(+when) },
        },
      },
    });
    render(
      <DbProvider db={db}>
        <MemoryRouter>
          <TodayScreen />
        </MemoryRouter>
      </DbProvider>,
    );
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(when);
    expect(await screen.findByText(new RegExp(`^Interview ${date}, in 1[123] days$`))).toBeInTheDocument();
  });
});
