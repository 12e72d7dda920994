import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../../components/DbContext';
import { defaultSettings } from '../../domain/settings/settings';
import type { AppDb } from '../../storage/db';
import { syncDecks } from '../../storage/deckSync';
import { freshDb } from '../../storage/testing';
import { fromRow, toRow } from '../../storage/db';
import { CardState } from '../../domain/scheduling/types';
import { useAppStore } from '../../state/appStore';
import MockScreen from './MockScreen';

const card = (n: number) => ({
  id: `rag.c${n}`,
  topic: 'basics',
  tags: [],
  difficulty: 2,
  type: 'design',
  question: { en: `Question ${n}?`, zh: `问题 ${n}？` },
  answer: { en: `Answer ${n}.`, zh: `答案 ${n}。` },
  keyPoints: [1, 2, 3].map((i) => ({ en: `Point ${n}.${i}`, zh: `要点 ${n}.${i}` })),
  followUps: [{ en: `Follow-up ${n}?`, zh: `追问 ${n}？` }],
});

async function setup(countAsReviews = false, before?: (db: AppDb) => Promise<void>): Promise<AppDb> {
  const db = freshDb();
  const deck = {
    id: 'rag',
    version: 1,
    title: { en: 'RAG', zh: 'RAG' },
    description: { en: 'd', zh: 'd' },
    topics: { basics: { en: 'Basics', zh: '基础' } },
    cards: [card(1), card(2), card(3)],
  };
  await syncDecks(db, [{ id: 'rag', file: 'decks/rag.json', hash: 'h', load: async () => deck }]);
  await before?.(db);
  useAppStore.getState().ready(
    {
      ...defaultSettings,
      language: 'en',
      countMockAsReviews: countAsReviews,
      suspendLeeches: true,
      roles: {
        rag: {
          enabled: true,
          newPerDay: 10,
          maxReviewsPerDay: 100,
          desiredRetention: null,
          interviewDate: null,
          catchUp: null,
        },
      },
    },
    [],
  );
  render(
    <DbProvider db={db}>
      <MemoryRouter initialEntries={['/mock']}>
        <Routes>
          <Route path="/mock" element={<MockScreen />} />
        </Routes>
      </MemoryRouter>
    </DbProvider>,
  );
  await screen.findByRole('button', { name: 'Start the interview' });
  return db;
}

/** Sets the number of questions and starts. */
async function start(user: ReturnType<typeof userEvent.setup>, questions: number) {
  const count = screen.getByRole('spinbutton', { name: /Questions/ });
  await user.clear(count);
  await user.type(count, String(questions));
  await user.click(screen.getByRole('button', { name: 'Start the interview' }));
  await screen.findByText(`Question 1 of ${questions}`);
}

describe('MockScreen', () => {
  beforeEach(() => useAppStore.setState({ dataVersion: 0 }));

  it('asks, grades on key points with a follow-up, and reports; the schedule is left alone', async () => {
    const db = await setup();
    const user = userEvent.setup();
    await start(user, 2);
    await user.keyboard('{Enter}');
    await screen.findByText('Which key points did you say?');
    await user.keyboard('qw');
    expect(screen.getAllByRole('checkbox', { checked: true })).toHaveLength(2);
    await user.keyboard('{Enter}');
    await screen.findByText('Question 2 of 2');
    await user.keyboard('{Enter}');
    await screen.findByText('Which key points did you say?');
    await user.keyboard('e');
    await user.click(screen.getByRole('button', { name: 'Answer the follow-up' }));
    expect(await screen.findByText(/^Follow-up \d\?$/)).toBeInTheDocument();
    await user.keyboard('{Enter}');
    await screen.findByText('How did you answer the follow-up?');
    await user.keyboard('2');
    // 2/3, then 1/3 + a half-answered follow-up: 3.5 of 7 key points.
    expect(await screen.findByText(/^50% of the key points/)).toBeInTheDocument();
    expect(screen.getByText(/RAG: 50% · First mock interview for this role/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Practise these' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/review\/rag\?cards=rag\.c\d$/),
    );
    const [stored] = await db.mocks.toArray();
    expect(stored).toMatchObject({ finishedAt: expect.any(Number), countAsReviews: false });
    expect(stored!.answers.map((a) => [a.ticked, a.followUp])).toEqual([
      [[0, 1], null],
      [[2], 'partly'],
    ]);
    expect(await db.logs.count()).toBe(0);
  });

  it('records each graded answer as a review when the setting is switched on at set-up', async () => {
    const db = await setup(false);
    const user = userEvent.setup();
    const asReviews = screen.getByRole('checkbox', { name: /Count mock answers as reviews/ });
    expect(asReviews).not.toBeChecked();
    await user.click(asReviews);
    await start(user, 1);
    await user.keyboard('{Enter}');
    await screen.findByText('Which key points did you say?');
    await user.keyboard('qwe{Enter}');
    await screen.findByText('Your answers were recorded as reviews.');
    const logs = await db.logs.toArray();
    expect(logs).toEqual([expect.objectContaining({ rating: 3, keyPointsHit: 3, keyPointsTotal: 3 })]);
    const [stored] = await db.mocks.toArray();
    expect(stored!.answers[0]!.logId).toBe(logs[0]!.id);
    expect((await db.states.get(logs[0]!.cardId))!.reps).toBe(1);
  });

  it('marks a card a leech (and suspends it, as chosen) when a mock answer counted as a review is its eighth lapse', async () => {
    const DAY = 86_400_000;
    const db = await setup(true, async (db) => {
      const rows = await db.states.toArray();
      await db.states.bulkPut(
        rows.map((row) =>
          toRow({
            ...fromRow(row),
            state: CardState.Review,
            lapses: 7,
            reps: 12,
            stability: 4,
            difficulty: 7,
            due: Date.now() - DAY,
            lastReview: Date.now() - 5 * DAY,
          }),
        ),
      );
    });
    const user = userEvent.setup();
    await start(user, 1);
    await user.keyboard('{Enter}');
    await screen.findByText('Which key points did you say?');
    // No key point said: the answer counts as Again.
    await user.keyboard('{Enter}');
    await screen.findByText('Your answers were recorded as reviews.');
    const [log] = await db.logs.toArray();
    expect(log).toMatchObject({ rating: 1 });
    const state = fromRow((await db.states.get(log!.cardId))!);
    expect(state).toMatchObject({ lapses: 8, leech: true, hidden: 'suspended' });
  });

  it('keeps what was answered when the screen is left mid-interview, and resumes there', async () => {
    const db = await setup();
    const user = userEvent.setup();
    await start(user, 3);
    await user.keyboard('{Enter}');
    await screen.findByText('Which key points did you say?');
    await user.keyboard('q{Enter}');
    await screen.findByText('Question 2 of 3');
    const [stored] = await db.mocks.toArray();
    expect(stored!.answers).toHaveLength(1);
    expect(stored!.finishedAt).toBeNull();
  });
});

describe('excerpt', () => {
  it('cuts a long question at a word, with an ellipsis, and a Chinese one at a character', async () => {
    const { excerpt } = await import('./MockReport');
    expect(excerpt('How do you tell them apart when the loss spikes?', 30)).toBe(
      'How do you tell them apart…',
    );
    expect(excerpt('为什么验证集损失会一直低于训练集损失？请给出可能的原因', 10)).toBe(
      '为什么验证集损失会一…',
    );
    expect(excerpt('Short?', 30)).toBe('Short?');
  });
});
