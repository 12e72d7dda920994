import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DbProvider } from '../../components/DbContext';
import { Rating } from '../../domain/scheduling/types';
import { defaultSettings, roleSettings } from '../../domain/settings/settings';
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
    useAppStore.setState({
      settings: {
        ...defaultSettings,
        roles: { rag: { ...roleSettings(defaultSettings, 'rag'), interviewDate: '2031-03-14' } },
      },
    });
    render(
      <DbProvider db={db}>
        <MemoryRouter>
          <RolesScreen />
        </MemoryRouter>
      </DbProvider>,
    );
    const rag = (await screen.findByRole('link', { name: 'RAG' })).closest('li')!;
    expect(await within(rag).findByText('4 cards · 1 due now')).toBeInTheDocument();
    // Today's queue is labelled as such, apart from the role's size.
    expect(within(rag).getByText('In today’s review:')).toHaveTextContent(
      'In today’s review: New 3Learning 1Review 0',
    );
    expect(within(rag).getByText('Interview Mar 14, 2031')).toBeInTheDocument();
    const agent = screen.getByRole('link', { name: 'AGENT' }).closest('li')!;
    expect(await within(agent).findByText('3 cards · 0 due now')).toBeInTheDocument();
    expect(within(agent).queryByText(/^Interview/)).toBeNull();
  });
});
