import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../../components/DbContext';
import { newState } from '../../domain/scheduling/scheduler';
import { CardState } from '../../domain/scheduling/types';
import { defaultRoleSettings, defaultSettings, roleSettings } from '../../domain/settings/settings';
import { endOfReviewDay, startOfReviewDay } from '../../domain/time/reviewDay';
import { toRow, type AppDb } from '../../storage/db';
import { syncDecks } from '../../storage/deckSync';
import { loadRoleQueueInput } from '../../storage/queues';
import { loadSettings } from '../../storage/settings';
import { freshDb, testCard, testDeckFile } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import RoleScreen from './RoleScreen';

const DAY = 86_400_000;

function Where() {
  const { pathname, search } = useLocation();
  return <p>At {pathname + search}</p>;
}

async function setup(prepare?: (db: AppDb) => Promise<void>) {
  const db = freshDb();
  await syncDecks(db, [
    testDeckFile(
      'rag',
      ['c1', 'c2', 'c3', 'c4'].map((k) => testCard('rag', k)),
      'h',
    ),
  ]);
  await prepare?.(db);
  render(
    <DbProvider db={db}>
      <MemoryRouter initialEntries={['/roles/rag']}>
        <Routes>
          <Route path="/roles/:roleId" element={<RoleScreen />} />
          <Route path="/review/:roleId" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </DbProvider>,
  );
  const form = await screen.findByRole('form', { name: 'Study more today' });
  return { db, form, user: userEvent.setup() };
}

const todaysNewCards = async (db: AppDb) => {
  const now = Date.now();
  const settings = useAppStore.getState().settings;
  const start = startOfReviewDay(now, settings.rolloverHour);
  const input = await loadRoleQueueInput(
    db,
    'rag',
    settings,
    start,
    endOfReviewDay(now, settings.rolloverHour),
  );
  return input.newCards.length;
};

beforeEach(() => {
  useAppStore.setState({
    settings: {
      ...defaultSettings,
      language: 'en',
      roles: { rag: { ...defaultRoleSettings(true), newPerDay: 1 } },
    },
  });
});

describe('study more today', () => {
  it('adds new cards to today’s queue without changing the daily limit', async () => {
    const { db, form, user } = await setup();
    expect(within(form).getByText('Today: up to 1 new card (1 a day, the daily limit).')).toBeVisible();
    expect(await todaysNewCards(db)).toBe(1);

    const count = within(form).getByLabelText('Extra new cards');
    await user.clear(count);
    await user.type(count, '2');
    await user.click(within(form).getByRole('button', { name: 'Study more today: +2 new cards' }));

    expect(await within(form).findByRole('status')).toHaveTextContent('Added 2 new cards for today only');
    expect(within(form).getByText('Today: up to 3 new cards (1 a day + 2 more today only).')).toBeVisible();
    expect(roleSettings(await loadSettings(db), 'rag').newPerDay).toBe(1);
    expect(await todaysNewCards(db)).toBe(3);
  });

  it('refuses a count that is not a whole number from 1, naming it, and saves nothing', async () => {
    const { db, form, user } = await setup();
    const count = within(form).getByLabelText('Extra new cards');
    await user.clear(count);
    await user.type(count, '0');
    await user.click(within(form).getByRole('button', { name: /Study more today/ }));
    expect(await within(form).findByRole('status')).toHaveTextContent(
      'Not saved: extra new cards (a whole number from 1 to 9,999)',
    );
    expect(roleSettings(await loadSettings(db), 'rag').studyMore).toBeNull();
    expect(await todaysNewCards(db)).toBe(1);
  });

  it('offers review ahead when nothing is due today', async () => {
    const { form, user } = await setup(async (db) => {
      const due = Date.now() + 5 * DAY;
      await db.states.put(
        toRow({
          ...newState('rag.c3', 'rag', 2),
          state: CardState.Review,
          due,
          stability: 8,
          difficulty: 5,
          lastReview: due - 8 * DAY,
          reps: 2,
        }),
      );
    });
    await user.click(within(form).getByRole('link', { name: 'Review ahead' }));
    expect(await screen.findByText('At /review/rag?ahead=1')).toBeVisible();
  });

  it('says review ahead comes after the cards due today', async () => {
    const { form } = await setup(async (db) => {
      await db.states.put(
        toRow({ ...newState('rag.c3', 'rag', 2), state: CardState.Learning, due: Date.now() - 60_000 }),
      );
    });
    expect(within(form).queryByRole('link', { name: 'Review ahead' })).toBeNull();
    expect(within(form).getByText('Review ahead is offered once the card due today is done.')).toBeVisible();
  });
});
