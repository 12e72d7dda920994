import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../../components/DbContext';
import { defaultSettings } from '../../domain/settings/settings';
import type { AppDb } from '../../storage/db';
import { syncDecks } from '../../storage/deckSync';
import { freshDb, testCard, testDeckFile } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import BrowserScreen from './BrowserScreen';
import CardPage from './CardPage';
import { resetInlineEngine } from './search/browseClient';

const cards = [
  {
    ...testCard('rag', 'chunk'),
    question: { en: 'How do you choose a chunk size?', zh: '如何选择分块大小？' },
  },
  {
    ...testCard('rag', 'rerank'),
    question: { en: 'Why add a reranker?', zh: '为什么要加重排序模型？' },
  },
];

// The first search loads the index code and builds the index: seconds on a loaded machine.

/** Shows the URL's search part, to check what the query put there. */
function Where() {
  return <output data-testid="url">{useLocation().search}</output>;
}

async function setup(path = '/browse'): Promise<AppDb> {
  const db = freshDb();
  await syncDecks(db, [testDeckFile('rag', cards)]);
  useAppStore.getState().ready({ ...defaultSettings, language: 'en' }, []);
  render(
    <DbProvider db={db}>
      <MemoryRouter initialEntries={[path]}>
        <Where />
        <Routes>
          <Route path="/browse" element={<BrowserScreen />} />
          <Route path="/cards/:cardId" element={<CardPage />} />
        </Routes>
      </MemoryRouter>
    </DbProvider>,
  );
  return db;
}

const listed = async () => {
  const list = await screen.findByRole('list');
  return within(list)
    .queryAllByRole('link')
    .map((a) => a.textContent);
};

describe('card browser', { timeout: 20_000 }, () => {
  beforeEach(() => {
    resetInlineEngine();
    useAppStore.setState({ dataVersion: 0 });
  });

  it('finds a card by an English word and by a Chinese word, the query kept in the URL, and opens it', async () => {
    await setup();
    const user = userEvent.setup();
    expect(await screen.findByText('2 cards')).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Search cards' }), 'reranker');
    await waitFor(async () => expect(await listed()).toEqual(['Why add a reranker?']));
    expect(screen.getByTestId('url')).toHaveTextContent('?q=reranker');
    // The question stands in the row's third grid column, under its heading, flagged or not.
    const link = screen.getByRole('link', { name: 'Why add a reranker?' });
    expect([...link.closest('.browse-row')!.children].indexOf(link)).toBe(2);
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), '分块');
    await waitFor(async () => expect(await listed()).toEqual(['How do you choose a chunk size?']));
    await user.click(screen.getByRole('link', { name: 'How do you choose a chunk size?' }));
    expect(await screen.findByRole('heading', { name: /Card/ })).toBeInTheDocument();
    expect(screen.getByText('rag.chunk', { exact: false })).toBeInTheDocument();
  });

  it('reads its query from the URL', async () => {
    await setup('/browse?q=chunk&sort=lapses');
    await waitFor(async () => expect(await listed()).toEqual(['How do you choose a chunk size?']));
    expect(screen.getByRole('searchbox')).toHaveValue('chunk');
  });

  it('batch-suspends the selected cards in one go, marks them, and undoes it', async () => {
    const db = await setup();
    const user = userEvent.setup();
    await screen.findByText('2 cards');
    await user.click(screen.getByRole('button', { name: 'Select all 2' }));
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    expect(await screen.findByText('2 cards changed.')).toBeInTheDocument();
    expect((await db.states.toArray()).map((s) => s.hidden)).toEqual(['suspended', 'suspended']);
    await waitFor(() => expect(screen.getAllByText('Suspended')).toHaveLength(2));
    await user.click(screen.getByRole('checkbox', { name: 'Suspended only' }));
    await waitFor(async () => expect(await listed()).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone.')).toBeInTheDocument();
    expect((await db.states.toArray()).map((s) => s.hidden)).toEqual([null, null]);
    expect(await screen.findByText('No cards match.')).toBeInTheDocument();
  });
});
