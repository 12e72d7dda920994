import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../../components/DbContext';
import { defaultSettings } from '../../domain/settings/settings';
import type { AppDb } from '../../storage/db';
import { syncDecks } from '../../storage/deckSync';
import { failWrites, freshDb } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import ReviewScreen from './ReviewScreen';

const card = (n: number) => ({
  id: `fundamentals.c${n}`,
  topic: 'basics',
  tags: [],
  difficulty: 1,
  type: 'concept',
  question: { en: `Question ${n}?`, zh: `问题 ${n}？` },
  answer: { en: `Answer ${n}.`, zh: `答案 ${n}。` },
});
const deck = {
  id: 'fundamentals',
  version: 1,
  title: { en: 'Fundamentals', zh: '基础' },
  description: { en: 'd', zh: 'd' },
  cards: [card(1), card(2), card(3)],
};

async function setup(): Promise<AppDb> {
  const db = freshDb();
  await syncDecks(db, [
    { id: 'fundamentals', file: 'decks/fundamentals.json', hash: 'h', load: async () => deck },
  ]);
  useAppStore.getState().ready({ ...defaultSettings, language: 'en' }, []);
  render(
    <DbProvider db={db}>
      <MemoryRouter initialEntries={['/review']}>
        <Routes>
          <Route path="/review" element={<ReviewScreen />} />
        </Routes>
      </MemoryRouter>
    </DbProvider>,
  );
  await screen.findByText('Question 1?');
  return db;
}

describe('ReviewScreen', () => {
  beforeEach(() => useAppStore.setState({ dataVersion: 0 }));

  it('reveals with Space, rates with a number key and stores the review', async () => {
    const db = await setup();
    const user = userEvent.setup();
    expect(screen.queryByText('Answer 1.')).toBeNull();
    await user.keyboard(' ');
    expect(await screen.findByText('Answer 1.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Good/ })).toHaveTextContent('10 min');
    await user.keyboard('3');
    expect(await screen.findByText('Question 2?')).toBeInTheDocument();
    expect(await db.logs.count()).toBe(1);
    expect(screen.getByLabelText('remaining')).toHaveTextContent(/New 2\s*Learning 1\s*Review 0/);
  });

  it('undoes with U: the card comes back and its review is gone', async () => {
    const db = await setup();
    const user = userEvent.setup();
    await user.keyboard(' ');
    await user.keyboard('4');
    await screen.findByText('Question 2?');
    await user.keyboard('u');
    expect(await screen.findByText('Question 1?')).toBeInTheDocument();
    await waitFor(async () => expect(await db.logs.count()).toBe(0));
    expect((await db.states.get('fundamentals.c1'))?.state).toBe(0);
  });

  it('tells the user when a review could not be saved, keeps the card and changes nothing', async () => {
    const db = await setup();
    const before = await db.states.get('fundamentals.c1');
    await failWrites(db, 'logs');
    const user = userEvent.setup();
    await user.keyboard(' ');
    await act(() => user.keyboard('3'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your answer was not saved: QuotaExceededError',
    );
    expect(screen.getByText('Question 1?')).toBeInTheDocument();
    expect(screen.getByText('Answer 1.')).toBeInTheDocument();
    expect(await db.states.get('fundamentals.c1')).toEqual(before);
  });
});
