import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../../components/DbContext';
import { defaultSettings } from '../../domain/settings/settings';
import { syncDecks } from '../../storage/deckSync';
import { freshDb, testCard, testDeckFile } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import RoleScreen from './RoleScreen';

const keys = Array.from({ length: 120 }, (_, i) => `c${String(i).padStart(3, '0')}`);

async function setup() {
  const db = freshDb();
  await syncDecks(db, [
    testDeckFile(
      'rag',
      keys.map((k) => testCard('rag', k)),
      'h',
    ),
  ]);
  await db.states.update('rag.c007', { hidden: 'suspended' });
  render(
    <DbProvider db={db}>
      <MemoryRouter initialEntries={['/roles/rag']}>
        <Routes>
          <Route path="/roles/:roleId" element={<RoleScreen />} />
        </Routes>
      </MemoryRouter>
    </DbProvider>,
  );
  const section = (await screen.findByRole('heading', { name: 'Cards by state' })).closest('section')!;
  return { section: within(section), user: userEvent.setup() };
}

beforeEach(() => {
  useAppStore.setState({ settings: { ...defaultSettings, language: 'en' } });
});

describe('cards by state', () => {
  it('counts each state without building its rows, and lists a group a page at a time once opened', async () => {
    const { section, user } = await setup();
    expect(section.getByText('New (119)')).toBeInTheDocument();
    expect(section.getByText('Suspended (1)')).toBeInTheDocument();
    expect(section.queryAllByRole('row')).toEqual([]);

    await user.click(section.getByText('New (119)'));
    // The header row and the first 50 cards, in deck order (c007 is suspended), each linking to its card page.
    expect(await section.findByRole('link', { name: 'Q c000' })).toHaveAttribute('href', '/cards/rag.c000');
    expect(section.getAllByRole('row')).toHaveLength(51);
    expect(section.queryByRole('link', { name: 'Q c051' })).toBeNull();
    expect(section.getByRole('link', { name: 'All 119 in the card browser' })).toHaveAttribute(
      'href',
      '/browse?role=rag&state=new',
    );

    await user.click(section.getByRole('button', { name: 'Show 50 more' }));
    expect(await section.findByRole('link', { name: 'Q c051' })).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: 'Show 19 more' }));
    expect(await section.findByRole('link', { name: 'Q c119' })).toBeInTheDocument();
    expect(section.getAllByRole('row')).toHaveLength(120);
    expect(section.queryByRole('button', { name: /^Show/ })).toBeNull();
  });
});
