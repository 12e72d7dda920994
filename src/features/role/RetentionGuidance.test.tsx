import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../../components/DbContext';
import { newState } from '../../domain/scheduling/scheduler';
import { CardState } from '../../domain/scheduling/types';
import { defaultRoleSettings, defaultSettings } from '../../domain/settings/settings';
import { toRow } from '../../storage/db';
import { syncDecks } from '../../storage/deckSync';
import { freshDb, testCard, testDeckFile } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import RoleScreen from './RoleScreen';

const DAY = 86_400_000;
const keys = Array.from({ length: 40 }, (_, i) => `c${i}`);

async function setup() {
  const db = freshDb();
  await syncDecks(db, [
    testDeckFile(
      'rag',
      keys.map((k) => testCard('rag', k)),
      'h',
    ),
  ]);
  // Thirty cards studied, their reviews spread over the coming weeks; ten not started.
  await db.states.bulkPut(
    keys.slice(0, 30).map((k, i) => {
      const last = Date.now() - (i % 5) * DAY;
      return toRow({
        ...newState(`rag.${k}`, 'rag', i),
        state: CardState.Review,
        stability: 2 + i,
        difficulty: 5,
        lastReview: last,
        due: last + (2 + i) * DAY,
        reps: 3,
      });
    }),
  );
  render(
    <DbProvider db={db}>
      <MemoryRouter initialEntries={['/roles/rag']}>
        <Routes>
          <Route path="/roles/:roleId" element={<RoleScreen />} />
        </Routes>
      </MemoryRouter>
    </DbProvider>,
  );
  return screen.findByRole('region', { name: 'What each desired retention costs' });
}

const figure = (cell: HTMLElement) => Number(cell.textContent!.replace(/,/g, ''));

beforeEach(() => {
  useAppStore.setState({
    settings: {
      ...defaultSettings,
      language: 'en',
      roles: { rag: { ...defaultRoleSettings(true), newPerDay: 2, desiredRetention: 0.85 } },
    },
    fsrsParams: {},
  });
});

describe('desired retention guidance', () => {
  it('shows the reviews a day each retention costs, rising with it, and marks the one in use', async () => {
    const panel = await setup();
    const rows = (await within(panel).findAllByRole('row')).slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      '80%',
      '85% (in use)',
      '90%',
      '95%',
    ]);
    const reviews = rows.map((r) => figure(within(r).getAllByRole('cell')[0]!));
    const recalled = rows.map((r) => figure(within(r).getAllByRole('cell')[1]!));
    for (let i = 1; i < 4; i++) {
      expect(reviews[i]).toBeGreaterThan(reviews[i - 1]!);
      expect(recalled[i]).toBeGreaterThanOrEqual(recalled[i - 1]!);
    }
    expect(recalled[3]).toBeLessThanOrEqual(40);
  });

  it('says what the simulation assumes: the cards, parameters and limits it used', async () => {
    const panel = await setup();
    await within(panel).findAllByRole('row');
    const text = panel.textContent!;
    expect(text).toContain('the next 365 days from this role’s 40 cards as they are now');
    expect(text).toContain('FSRS’s default parameters');
    expect(text).toContain('2 new cards a day while any are left');
    expect(text).toContain('at most 200 reviews a day');
  });
});
