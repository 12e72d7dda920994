import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DbProvider } from '../../components/DbContext';
import { Rating } from '../../domain/scheduling/types';
import { defaultSettings } from '../../domain/settings/settings';
import { fromRow } from '../../storage/db';
import { syncDecks } from '../../storage/deckSync';
import { recordReview } from '../../storage/reviews';
import { freshDb } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import RolesScreen from './RolesScreen';
import { testScheduler } from '../../domain/scheduling/testScheduler';

const deck = (id: string, n: number) => ({
  id,
  version: 1,
  title: { en: id.toUpperCase(), zh: id },
  description: { en: 'd', zh: 'd' },
  cards: Array.from({ length: n }, (_, i) => ({
    id: `${id}.c${i}`,
    topic: 't',
    tags: [],
    difficulty: 1,
    type: 'concept',
    question: { en: `Q${i}`, zh: `问${i}` },
    answer: { en: `A${i}`, zh: `答${i}` },
  })),
});
const scheduler = testScheduler();

describe('roles screen', () => {
  it('shows each role with its card count and the cards due, including ones just learned', async () => {
    const db = freshDb();
    await syncDecks(db, [
      { id: 'rag', file: 'decks/rag.json', hash: 'r', load: async () => deck('rag', 4) },
      { id: 'agent', file: 'decks/agent.json', hash: 'a', load: async () => deck('agent', 3) },
    ]);
    // One RAG card in learning (Again): due in a minute, so it counts as due.
    const { next, log } = scheduler.answer(
      fromRow((await db.states.get('rag.c0'))!),
      Rating.Again,
      Date.now(),
      1000,
      'l1',
    );
    await recordReview(db, next, log);
    useAppStore.setState({ settings: defaultSettings });
    render(
      <DbProvider db={db}>
        <MemoryRouter>
          <RolesScreen />
        </MemoryRouter>
      </DbProvider>,
    );
    const rag = (await screen.findByRole('link', { name: 'RAG' })).closest('li')!;
    expect(await within(rag).findByText('Cards: 4 · Due: 1')).toBeInTheDocument();
    const agent = screen.getByRole('link', { name: 'AGENT' }).closest('li')!;
    expect(await within(agent).findByText('Cards: 3 · Due: 0')).toBeInTheDocument();
  });
});
