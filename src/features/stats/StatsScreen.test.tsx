import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as statsClient from '../../components/stats/statsClient';
import type { StatsRequest } from '../../components/stats/statsRequest';
import type { AppDb } from '../../storage/db';
import { DbProvider } from '../../components/DbContext';
import { Rating } from '../../domain/scheduling/types';
import { defaultSettings, roleSettings } from '../../domain/settings/settings';
import { fromRow } from '../../storage/db';
import { syncDecks } from '../../storage/deckSync';
import { recordReview } from '../../storage/reviews';
import { freshDb, testCard, testDeckFile } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import StatsScreen from './StatsScreen';
import { testScheduler } from '../../domain/scheduling/testScheduler';

const card = (n: number, topic: string) => testCard('rag', `c${n}`, topic);
const deck = testDeckFile(
  'rag',
  [card(1, 'chunking'), card(2, 'chunking'), card(3, 'rerank'), card(4, 'rerank')],
  'h',
  {
    topics: { chunking: { en: 'Chunking', zh: '切分' }, rerank: { en: 'Reranking', zh: '重排' } },
  },
);
const scheduler = testScheduler();

/** While `hold` is set, the full report waits until `release` (the summary does not). */
const report = vi.hoisted(() => ({ hold: false, release: () => {} }));
vi.mock('../../components/stats/statsClient', async (importOriginal) => {
  const real = await importOriginal<typeof statsClient>();
  return {
    requestStats: async (db: AppDb, request: StatsRequest) => {
      if (request.kind === 'report' && report.hold) await new Promise<void>((go) => (report.release = go));
      return real.requestStats(db, request);
    },
  };
});
afterEach(() => {
  report.hold = false;
});

/** Until the full report is in, the screen says it is still computing. */
const reportShown = () =>
  waitFor(() => expect(screen.queryByText('Computing statistics…')).not.toBeInTheDocument());

async function setup(path = '/roles/rag/stats', heading = 'Statistics: RAG') {
  const db = freshDb();
  await syncDecks(db, [deck]);
  const now = Date.now();
  // Two rerank cards learned with Easy, then the first passed and the second lapsed on review.
  for (const [id, second] of [
    ['rag.c3', Rating.Good],
    ['rag.c4', Rating.Again],
  ] as const) {
    const first = scheduler.answer(
      fromRow((await db.states.get(id))!),
      Rating.Easy,
      now - 3_000,
      1000,
      `${id}-1`,
    );
    await recordReview(db, first.next, first.log);
    const again = scheduler.answer(first.next, second, now - 1_000, 2000, `${id}-2`);
    await recordReview(db, again.next, again.log);
  }
  useAppStore.getState().ready({ ...defaultSettings, language: 'en' }, []);
  render(
    <DbProvider db={db}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/roles/:roleId/stats" element={<StatsScreen />} />
          <Route path="/stats" element={<StatsScreen />} />
        </Routes>
      </MemoryRouter>
    </DbProvider>,
  );
  await screen.findByRole('heading', { name: heading });
  if (!report.hold) await reportShown();
  return db;
}

describe('StatsScreen for a role', () => {
  it('shows readiness, true retention, counts and the weakest topics implied by the reviews', async () => {
    await setup();
    // Two of four cards studied, both just reviewed (recall ≈ 100%): readiness ≈ 2/4.
    expect(screen.getByTestId('readiness')).toHaveTextContent('50%');
    expect(screen.getByTestId('retention-today')).toHaveTextContent('50%');
    expect(screen.getByTestId('count-new')).toHaveTextContent('2');
    expect(screen.getByTestId('count-review')).toHaveTextContent('1');
    expect(screen.getByTestId('count-relearning')).toHaveTextContent('1');
    expect(screen.getByTestId('total-reviews')).toHaveTextContent('4');
    expect(screen.getByTestId('streak-current')).toHaveTextContent('1 day');
    expect(screen.getByTestId('streak-current')).not.toHaveTextContent('1 days');
    expect(screen.getByText('4 reviews on 1 day in the last year.')).toBeInTheDocument();
    // Reranking was studied and lapsed once; Chunking was never started, so it is not called weak.
    const topics = screen.getByRole('region', { name: 'Weakest topics' });
    const weakest = within(within(topics).getByRole('list', { name: 'Weakest topics' })).getAllByRole(
      'listitem',
    );
    expect(weakest).toHaveLength(1);
    expect(weakest[0]).toHaveTextContent(/^Reranking recall 100(\.0)?% of 2 studied · 1 lapses in 4 reviews/);
    const notStarted = within(within(topics).getByRole('list', { name: 'Not started' })).getAllByRole(
      'listitem',
    );
    expect(notStarted.map((li) => li.textContent)).toEqual(['Chunking · 2 cards · Start']);
    // The numbers behind a chart are one click away, as a table.
    const user = userEvent.setup();
    await user.click(screen.getByText('Reviews per day: data'));
    const lastDay = within(screen.getByText('Reviews per day: data').closest('details')!)
      .getAllByRole('row')
      .at(-1);
    expect(lastDay).toHaveTextContent(/4$/);
    expect(within(weakest[0]!).getByRole('link', { name: 'Practise Reranking' })).toHaveAttribute(
      'href',
      '/review/rag?topic=rerank',
    );
    expect(within(notStarted[0]!).getByRole('link', { name: 'Start Chunking' })).toHaveAttribute(
      'href',
      '/review/rag?topic=chunking',
    );
  });

  it('projects readiness for an interview date and offers a catch-up plan when the limit is too low', async () => {
    await setup();
    const user = userEvent.setup();
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
    const date = `${inTwoDays.getFullYear()}-${String(inTwoDays.getMonth() + 1).padStart(2, '0')}-${String(inTwoDays.getDate()).padStart(2, '0')}`;
    useAppStore.getState().setSettings({
      ...useAppStore.getState().settings,
      roles: { rag: { ...roleSettings(defaultSettings, 'rag'), newPerDay: 0, interviewDate: date } },
    });
    const panel = await screen.findByRole('region', { name: 'Interview date' });
    expect(await within(panel).findByTestId('days-left')).toHaveTextContent(/days left/);
    expect(panel).toHaveTextContent('To see all 2 unseen cards before the interview');
    expect(panel).toHaveTextContent('Your limit of 0 a day is not enough.');
    // What the projection assumes, and the reviews (some forgotten) it expects until the day.
    expect(panel).toHaveTextContent(/each review is remembered with the chance FSRS predicts/);
    expect(panel).toHaveTextContent(/at your desired retention \(90%\)/);
    expect(panel).toHaveTextContent(
      /Until then: about \d+ reviews?, about \d+ of them forgotten and relearned\./,
    );
    await user.click(within(panel).getByRole('button', { name: /Catch up: \d new cards? a day/ }));
    expect(roleSettings(useAppStore.getState().settings, 'rag').catchUp).toMatchObject({ until: date });
  });

  it('states the catch-up plan with a formatted date and judges the limit the plan set', async () => {
    await setup();
    const user = userEvent.setup();
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
    const date = `${inTwoDays.getFullYear()}-${String(inTwoDays.getMonth() + 1).padStart(2, '0')}-${String(inTwoDays.getDate()).padStart(2, '0')}`;
    useAppStore.getState().setSettings({
      ...useAppStore.getState().settings,
      roles: { rag: { ...roleSettings(defaultSettings, 'rag'), newPerDay: 0, interviewDate: date } },
    });
    const panel = await screen.findByRole('region', { name: 'Interview date' });
    await user.click(
      await within(panel).findByRole('button', { name: 'Catch up: 1 new card a day until the interview' }),
    );
    const shown = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(inTwoDays);
    await within(panel).findByText(`Catch-up plan: 1 new card a day until ${shown}.`, { exact: false });
    // The projection is recomputed with the plan's limit.
    await screen.findByText(/Your limit of 1 a day is enough\./);
    const now = screen.getByRole('region', { name: 'Interview date' });
    expect(now).not.toHaveTextContent(date);
    expect(now).not.toHaveTextContent('Your limit of 0');
  });
});

describe('StatsScreen for all roles', () => {
  it('lists each role with its readiness and coverage', async () => {
    await setup('/stats', 'Statistics');
    const table = await screen.findByRole('region', { name: 'Readiness by role' });
    const row = await within(table).findByRole('row', { name: /RAG/ });
    expect(row).toHaveTextContent('RAG50%50%—');
    expect(screen.getByTestId('readiness')).toHaveTextContent('50%');
  });

  it('shows readiness and the roles before the review history is computed, then the rest', async () => {
    report.hold = true;
    await setup('/stats', 'Statistics');
    const table = await screen.findByRole('region', { name: 'Readiness by role' });
    expect(await within(table).findByRole('row', { name: /RAG/ })).toHaveTextContent('RAG50%50%—');
    expect(screen.getByTestId('readiness')).toHaveTextContent('50%');
    expect(screen.getByRole('status')).toHaveTextContent('Computing statistics…');
    expect(screen.queryByTestId('total-reviews')).not.toBeInTheDocument();
    report.release();
    await reportShown();
    expect(screen.getByTestId('total-reviews')).toHaveTextContent('4');
    expect(screen.getByTestId('readiness')).toHaveTextContent('50%');
  });
});
