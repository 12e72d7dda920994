import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DbProvider } from '../../components/DbContext';
import { Rating } from '../../domain/scheduling/types';
import { defaultSettings } from '../../domain/settings/settings';
import { fromRow } from '../../storage/db';
import { syncDecks } from '../../storage/deckSync';
import { recordReview } from '../../storage/reviews';
import { freshDb, testCard, testDeckFile } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import RolesScreen from './RolesScreen';
import { testScheduler } from '../../domain/scheduling/testScheduler';

const deckFile = (id: string, n: number, hash: string) =>
  testDeckFile(
    id,
    Array.from({ length: n }, (_, i) => testCard(id, `c${i}`)),
    hash,
  );
const scheduler = testScheduler();

describe('roles screen', () => {
  it('shows each role with its card count and the cards due, including ones just learned', async () => {
    const db = freshDb();
    await syncDecks(db, [deckFile('rag', 4, 'r'), deckFile('agent', 3, 'a')]);
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
