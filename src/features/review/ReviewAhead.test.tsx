import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DbProvider } from '../../components/DbContext';
import { prerenderMarkdown } from '../../components/markdown/Markdown';
import { newState } from '../../domain/scheduling/scheduler';
import { CardState } from '../../domain/scheduling/types';
import { defaultRoleSettings, defaultSettings } from '../../domain/settings/settings';
import { toRow } from '../../storage/db';
import { syncDecks } from '../../storage/deckSync';
import { freshDb, testCard, testDeckFile } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import ReviewScreen from './ReviewScreen';

const DAY = 86_400_000;
const reviewDueIn = (key: string, days: number) => {
  const due = Date.now() + days * DAY;
  return toRow({
    ...newState(`rag.${key}`, 'rag', 0),
    state: CardState.Review,
    due,
    stability: days,
    difficulty: 5,
    lastReview: due - days * DAY,
    reps: 2,
  });
};

describe('review ahead from a link', () => {
  it('/review/<role>?ahead=1 starts with the card due soonest, not with new cards', async () => {
    const db = freshDb();
    await syncDecks(db, [
      testDeckFile(
        'rag',
        ['c1', 'c2', 'c3'].map((k) => testCard('rag', k)),
        'h',
      ),
    ]);
    await db.states.bulkPut([reviewDueIn('c2', 9), reviewDueIn('c3', 4)]);
    useAppStore
      .getState()
      .ready({ ...defaultSettings, language: 'en', roles: { rag: defaultRoleSettings(true) } }, []);
    render(
      <DbProvider db={db}>
        <MemoryRouter initialEntries={['/review/rag?ahead=1']}>
          <Routes>
            <Route path="/review/:roleId" element={<ReviewScreen />} />
          </Routes>
        </MemoryRouter>
      </DbProvider>,
    );
    expect(await screen.findByText('Q c3')).toBeVisible();
    expect(screen.queryByText('Q c1')).toBeNull();
    // The card's Markdown renderer loads behind it: let it finish before the test environment goes.
    await prerenderMarkdown([]);
  });
});
