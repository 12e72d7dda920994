import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../domain/settings/settings';
import { syncDecks } from '../../storage/deckSync';
import type * as notesModule from '../../storage/notes';
import { putNote } from '../../storage/notes';
import { freshDb, testCard, testDeckFile } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import { renderReview } from './renderReview';

// The note's read is held until the test lets it finish: the user is quicker than the database.
let release = () => {};
const gate = new Promise<void>((resolve) => (release = resolve));
vi.mock('../../storage/notes', async (original) => {
  const notes = await original<typeof notesModule>();
  return {
    ...notes,
    getNote: async (...args: Parameters<typeof notes.getNote>) => (await gate, notes.getNote(...args)),
  };
});

describe('the note editor in review', () => {
  it('opens with the stored note even when N comes before the note is read, so a save keeps it', async () => {
    const db = freshDb();
    await syncDecks(db, [testDeckFile('fundamentals', [testCard('fundamentals', 'a')])]);
    await putNote(db, 'fundamentals.a', {
      cardId: 'fundamentals.a',
      deckId: 'fundamentals',
      text: 'Stored note',
      updated: 1,
    });
    useAppStore.getState().ready({ ...defaultSettings, language: 'en' }, []);
    renderReview(db);
    await screen.findByText('Q a');
    const user = userEvent.setup();
    await user.keyboard('n');
    await import('../../components/notes/NoteEditor');
    await act(async () => {});
    release();
    const box = await screen.findByRole('textbox', { name: /Your note on this card/ });
    await waitFor(() => expect(box).toHaveValue('Stored note'));
    await user.type(box, ' and more');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(async () =>
      expect((await db.notes.get('fundamentals.a'))?.text).toBe('Stored note and more'),
    );
  });
});
