import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../domain/settings/settings';
import { syncDecks } from '../../storage/deckSync';
import { freshDb } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import type * as BilingualModule from './Bilingual';
import { renderReview } from './renderReview';

// A card whose content cannot be shown: whatever renders it throws.
vi.mock('./Bilingual', async (importOriginal) => {
  const real = await importOriginal<typeof BilingualModule>();
  return {
    Bilingual: (props: Parameters<typeof real.Bilingual>[0]) => {
      if (props.text.en.includes('BROKEN')) throw new Error('cannot render this card');
      return real.Bilingual(props);
    },
  };
});

const card = (n: number, text = `Question ${n}?`) => ({
  id: `fundamentals.c${n}`,
  topic: 'basics',
  tags: [],
  difficulty: 1,
  type: 'concept',
  question: { en: text, zh: text },
  answer: { en: `Answer ${n}.`, zh: `答案 ${n}。` },
});

async function setup() {
  const db = freshDb();
  const deck = {
    id: 'fundamentals',
    version: 1,
    title: { en: 'Fundamentals', zh: '基础' },
    description: { en: 'd', zh: 'd' },
    cards: [card(1, 'BROKEN card'), card(2), card(3)],
  };
  await syncDecks(db, [
    { id: 'fundamentals', file: 'decks/fundamentals.json', hash: 'h', load: async () => deck },
  ]);
  useAppStore.getState().ready({ ...defaultSettings, language: 'en' }, []);
  renderReview(db);
  return db;
}

describe('ReviewScreen: a card that cannot be shown', () => {
  it('is contained by its error boundary, and Skip moves on without rating it', async () => {
    const db = await setup();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Skip this card' }));
    expect(await screen.findByText('Question 2?')).toBeInTheDocument();
    expect(await db.logs.count()).toBe(0);
  });

  it('Suspend takes it out of the queues', async () => {
    const db = await setup();
    const user = userEvent.setup();
    const suspend = await screen.findAllByRole('button', { name: /Suspend/ });
    await user.click(suspend[0]!);
    await screen.findByText('Question 2?');
    await waitFor(async () => expect((await db.states.get('fundamentals.c1'))?.hidden).toBe('suspended'));
  });
});
