import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../domain/settings/settings';
import type { AppDb } from '../../storage/db';
import { syncDecks } from '../../storage/deckSync';
import { failWrites, freshDb } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import { renderReview } from './renderReview';

const card = (n: number, keyPoints = 0) => ({
  id: `fundamentals.c${n}`,
  topic: 'basics',
  tags: [] as string[],
  difficulty: 1,
  type: 'concept',
  question: { en: `Question ${n}?`, zh: `问题 ${n}？` },
  answer: { en: `Answer ${n}.`, zh: `答案 ${n}。` },
  ...(keyPoints
    ? {
        keyPoints: Array.from({ length: keyPoints }, (_, i) => ({
          en: `Point ${n}.${i + 1}`,
          zh: `要点 ${n}.${i + 1}`,
        })),
      }
    : {}),
});
const deck = (cards = [card(1), card(2), card(3)]) => ({
  id: 'fundamentals',
  version: 1,
  title: { en: 'Fundamentals', zh: '基础' },
  description: { en: 'd', zh: 'd' },
  topics: { basics: { en: 'The basics', zh: '基础知识' } },
  cards,
});

async function setup(
  cards?: ReturnType<typeof card>[],
  path = '/review',
  first = 'Question 1?',
): Promise<AppDb> {
  const db = freshDb();
  await syncDecks(db, [
    { id: 'fundamentals', file: 'decks/fundamentals.json', hash: 'h', load: async () => deck(cards) },
  ]);
  // The review day ends twelve hours from now: a learning card due in ten minutes stays in today's
  // queue whatever the time the test runs (near the default 4:00 rollover it would not).
  const rolloverHour = (new Date().getHours() + 12) % 24;
  useAppStore.getState().ready({ ...defaultSettings, language: 'en', rolloverHour }, []);
  renderReview(db, path);
  await screen.findByText(first);
  return db;
}

const lastLog = async (db: AppDb) => (await db.logs.toArray())[0];

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
    // The review is written once the next card is painted.
    await waitFor(async () => expect(await db.logs.count()).toBe(1));
    expect(screen.getByLabelText('Cards remaining')).toHaveTextContent(/New 2\s*Learning 1\s*Review 0/);
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

  it('shows the key points first; keys Q W E R T tick them and the suggested rating follows', async () => {
    const db = await setup([card(1, 3), card(2, 4), card(3)]);
    const user = userEvent.setup();
    await user.keyboard(' ');
    expect(await screen.findByText('Point 1.1')).toBeInTheDocument();
    // The model answer is there to study, closed until asked for.
    expect(screen.getByText('Answer 1.').closest('details')).not.toHaveAttribute('open');
    const suggested = () => document.querySelector('.rate.suggested');
    expect(suggested()).toHaveTextContent('Again');
    await user.keyboard('q');
    await user.keyboard('w');
    expect(screen.getByText('Key points you said: 2 of 3')).toBeInTheDocument();
    expect(suggested()).toHaveTextContent('Hard');
    await user.keyboard('e');
    expect(suggested()).toHaveTextContent('Good');
    await user.keyboard('{Enter}');
    await screen.findByText('Question 2?');
    await waitFor(async () =>
      expect(await lastLog(db)).toMatchObject({ rating: 3, keyPointsHit: 3, keyPointsTotal: 3 }),
    );
  });

  it('ticks key points by touch, and a number key overrides the suggestion', async () => {
    const db = await setup([card(1, 4), card(2), card(3)]);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /Show answer/ }));
    await user.click(await screen.findByText('Point 1.2'));
    expect(screen.getByRole('checkbox', { name: /Point 1.2/ })).toBeChecked();
    expect(document.querySelector('.rate.suggested')).toHaveTextContent('Again');
    await user.keyboard('4');
    await screen.findByText('Question 2?');
    await waitFor(async () =>
      expect(await lastLog(db)).toMatchObject({ rating: 4, keyPointsHit: 1, keyPointsTotal: 4 }),
    );
  });

  it('undo brings the card back with the key points it had ticked', async () => {
    const db = await setup([card(1, 3), card(2, 3), card(3)]);
    const user = userEvent.setup();
    await user.keyboard(' ');
    await screen.findByText('Point 1.1');
    await user.keyboard('qe');
    await user.keyboard('{Enter}');
    await screen.findByText('Question 2?');
    await user.keyboard('u');
    await screen.findByText('Question 1?');
    await waitFor(async () => expect(await db.logs.count()).toBe(0));
    await user.keyboard(' ');
    expect(await screen.findByRole('checkbox', { name: /Point 1.1/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /Point 1.2/ })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: /Point 1.3/ })).toBeChecked();
  });

  it('a card without key points shows its answer and reviews as before, logging no key points', async () => {
    const db = await setup();
    const user = userEvent.setup();
    await user.keyboard(' ');
    expect(await screen.findByText('Answer 1.')).toBeVisible();
    expect(screen.queryByRole('checkbox', { name: /Point/ })).toBeNull();
    await user.keyboard('{Enter}');
    expect(screen.getByText('Question 1?')).toBeInTheDocument();
    await user.keyboard('3');
    await screen.findByText('Question 2?');
    await waitFor(async () => expect(await db.logs.count()).toBe(1));
    expect(await lastLog(db)).not.toHaveProperty('keyPointsTotal');
  });

  it('review keys still work after a click on the language toggle, and never toggle it', async () => {
    const db = await setup();
    const user = userEvent.setup();
    const toggle = screen.getByRole('checkbox', { name: /Show Chinese beside/ });
    await user.click(toggle);
    // The toggle is the stored setting: it shows checked once the save has landed.
    await waitFor(() => expect(toggle).toBeChecked());
    expect(toggle).toHaveFocus();
    await user.keyboard(' ');
    expect(await screen.findByText('Answer 1.')).toBeInTheDocument();
    expect(toggle).toBeChecked();
    await user.keyboard('3');
    await screen.findByText('Question 2?');
    await waitFor(async () => expect(await db.logs.count()).toBe(1));
    await user.keyboard('u');
    await screen.findByText('Question 1?');
  });

  it('shows a single-language card once with both languages on, its tags, and the topic by name', async () => {
    const single = {
      ...card(1),
      question: { en: 'Only one?', zh: 'Only one?' },
      answer: { en: 'Once.', zh: 'Once.' },
    };
    await setup([{ ...single, tags: ['mine'] }, card(2)], '/review', 'Only one?');
    useAppStore.setState((s) => ({ settings: { ...s.settings, showBothLanguages: true } }));
    expect(await screen.findAllByText('Only one?')).toHaveLength(1);
    expect(screen.getByText('#mine')).toBeInTheDocument();
    expect(await screen.findByText('The basics')).toBeInTheDocument();
    expect(screen.queryByText('basics')).toBeNull();
  });

  it('hides the labels a text import invented (topic "general", type, difficulty)', async () => {
    const imported = {
      ...card(1),
      topic: 'general',
      question: { en: 'Imported?', zh: 'Imported?' },
      answer: { en: 'Yes.', zh: 'Yes.' },
    };
    await setup([imported, card(2)], '/review', 'Imported?');
    expect(screen.queryByText('general')).toBeNull();
    expect(screen.queryByText(/Difficulty/)).toBeNull();
    expect(screen.queryByText('Concept')).toBeNull();
  });

  it('says a role does not exist instead of offering to practise it', async () => {
    await setup(
      undefined,
      '/review/does-not-exist',
      'There is no role "does-not-exist". Choose one of the roles instead.',
    );
    expect(screen.queryByText(/Practise:/)).toBeNull();
    expect(screen.queryByRole('button', { name: /Review ahead/ })).toBeNull();
  });
});
