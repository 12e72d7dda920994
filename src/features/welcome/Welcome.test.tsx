import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DbProvider } from '../../components/DbContext';
import { defaultSettings, roleSettings } from '../../domain/settings/settings';
import { syncDecks } from '../../storage/deckSync';
import { loadSettings } from '../../storage/settings';
import { freshDb, testCard, testDeckFile } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import Welcome from './Welcome';

const localDate = (time: number) => {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function renderWelcome(db: ReturnType<typeof freshDb>, onDone: () => void) {
  render(
    <DbProvider db={db}>
      <MemoryRouter initialEntries={['/']}>
        <Routes>
          <Route path="/" element={<Welcome onDone={onDone} />} />
          <Route path="/review" element={<p>The first review</p>} />
        </Routes>
      </MemoryRouter>
    </DbProvider>,
  );
}

async function setup() {
  const db = freshDb();
  await syncDecks(db, [
    testDeckFile('fundamentals', [testCard('fundamentals', 'a')], 'f'),
    testDeckFile('rag', [testCard('rag', 'b')], 'r'),
  ]);
  const onDone = vi.fn();
  renderWelcome(db, onDone);
  await screen.findByRole('heading', { name: 'Welcome to Interview Recall' });
  // The stored decks' titles (these test decks have their own) replace the bundled ones.
  await screen.findByRole('checkbox', { name: 'RAG' });
  return { db, onDone, user: userEvent.setup() };
}

beforeEach(() => {
  useAppStore.setState({ settings: { ...defaultSettings, language: 'en' } });
});

describe('first-visit welcome', () => {
  it('sets the roles and their interview dates, then starts the first review', async () => {
    const { db, onDone, user } = await setup();
    // Fundamentals is chosen already; the user adds RAG and its interview.
    expect(screen.getByRole('checkbox', { name: 'FUNDAMENTALS' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'RAG' }));
    const date = localDate(Date.now() + 21 * 86_400_000);
    await user.type(screen.getByLabelText('Interview date for RAG (optional)'), date);
    await user.click(screen.getByRole('button', { name: 'Start my first review' }));

    await screen.findByText('The first review');
    expect(onDone).toHaveBeenCalledOnce();
    const saved = await loadSettings(db);
    expect(roleSettings(saved, 'rag')).toMatchObject({ enabled: true, interviewDate: date });
    expect(roleSettings(saved, 'fundamentals')).toMatchObject({ enabled: true, interviewDate: null });
  });

  it('refuses a past interview date, naming the role, and saves nothing', async () => {
    const { db, onDone, user } = await setup();
    await user.click(screen.getByRole('checkbox', { name: 'RAG' }));
    await user.type(screen.getByLabelText('Interview date for RAG (optional)'), '2020-05-01');
    await user.click(screen.getByRole('button', { name: 'Start my first review' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Not started: the interview date for RAG has passed.',
    );
    expect(onDone).not.toHaveBeenCalled();
    expect((await loadSettings(db)).roles).toEqual({});
  });

  it('lists every bundled role at once, before any deck is stored (the buttons never move down)', async () => {
    renderWelcome(freshDb(), vi.fn());
    expect(screen.getByRole('checkbox', { name: 'Fundamentals' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Retrieval-Augmented Generation (RAG)' })).not.toBeChecked();
    const roles = screen.getAllByRole('checkbox').map((box) => box.closest('label')!.textContent!.trim());
    expect(roles).toEqual([
      'Fundamentals',
      'Pretraining',
      'Post-training: SFT, alignment and fine-tuning',
      'Retrieval-Augmented Generation (RAG)',
      'LLM Agents',
      'Inference and serving',
      'Training infrastructure',
      'MLOps & LLMOps',
      'Safety and alignment',
      'AI Engineer (LLM Applications)',
      'Data Engineering for LLMs',
      'Behavioral & portfolio interviews',
    ]);
    expect(screen.getByRole('button', { name: 'Start my first review' })).toBeInTheDocument();
    await screen.findByRole('checkbox', { name: 'Fundamentals' });
  });

  it('can be skipped', async () => {
    const { db, onDone, user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Skip for now' }));
    expect(onDone).toHaveBeenCalledOnce();
    expect((await loadSettings(db)).roles).toEqual({});
  });
});
