import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../domain/settings/settings';
import { fromRow, toRow, type AppDb } from '../../storage/db';
import { syncDecks } from '../../storage/deckSync';
import { freshDb, testCard, testDeckFile } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import { renderReview } from './renderReview';

async function setup(prepare?: (db: AppDb) => Promise<void>, settings = {}): Promise<AppDb> {
  const db = freshDb();
  await syncDecks(db, [
    testDeckFile(
      'fundamentals',
      ['a', 'b', 'c'].map((k) => testCard('fundamentals', k)),
    ),
  ]);
  await prepare?.(db);
  useAppStore.getState().ready({ ...defaultSettings, language: 'en', ...settings }, []);
  renderReview(db);
  await screen.findByText('Q a');
  return db;
}

const hidden = async (db: AppDb, id: string) => (await db.states.get(`fundamentals.${id}`))?.hidden;

describe('card actions in review', () => {
  beforeEach(() => useAppStore.setState({ dataVersion: 0 }));

  it('@ suspends the card on screen and moves on; U brings it back, unsuspended', async () => {
    const db = await setup();
    const user = userEvent.setup();
    await user.keyboard('@');
    expect(await screen.findByText('Q b')).toBeInTheDocument();
    expect(await hidden(db, 'a')).toBe('suspended');
    expect(screen.getByLabelText('Cards remaining')).toHaveTextContent(/New 2/);
    await user.keyboard('u');
    expect(await screen.findByText('Q a')).toBeInTheDocument();
    await waitFor(async () => expect(await hidden(db, 'a')).toBeNull());
  });

  it('- buries the card until tomorrow', async () => {
    const db = await setup();
    const user = userEvent.setup();
    await user.keyboard('-');
    expect(await screen.findByText('Q b')).toBeInTheDocument();
    expect(await hidden(db, 'a')).toBe('buried');
  });

  it('Ctrl+3 flags the card green and leaves it on screen; the same key again clears it', async () => {
    const db = await setup();
    const user = userEvent.setup();
    await user.keyboard('{Control>}3{/Control}');
    expect(await screen.findByRole('img', { name: 'Flag: Green' })).toBeInTheDocument();
    expect((await db.states.get('fundamentals.a'))?.flag).toBe(3);
    expect(screen.getByText('Q a')).toBeInTheDocument();
    await user.keyboard('{Control>}3{/Control}');
    await waitFor(() => expect(screen.queryByRole('img', { name: 'Flag: Green' })).toBeNull());
    expect((await db.states.get('fundamentals.a'))?.flag).toBeUndefined();
  });

  it('N edits the note, shown under the answer; and U undoes it', async () => {
    const db = await setup();
    const user = userEvent.setup();
    await user.keyboard('n');
    const box = await screen.findByRole('textbox', { name: /Your note on this card/ });
    await user.type(box, 'At **Acme**: 我的项目');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(async () =>
      expect((await db.notes.get('fundamentals.a'))?.text).toBe('At **Acme**: 我的项目'),
    );
    await waitFor(() => expect(screen.queryByRole('textbox', { name: /Your note/ })).toBeNull());
    await user.click(screen.getByRole('button', { name: /Show answer/ }));
    const note = await screen.findByRole('region', { name: 'Your note' });
    await waitFor(() => expect(note).toHaveTextContent('Acme: 我的项目'));
    await user.keyboard('u');
    await waitFor(async () => expect(await db.notes.get('fundamentals.a')).toBeUndefined());
  });

  it('the card menu does the same as the keys', async () => {
    const db = await setup();
    const user = userEvent.setup();
    await user.click(screen.getByText('Card'));
    await user.click(screen.getByRole('button', { name: /Suspend/ }));
    expect(await screen.findByText('Q b')).toBeInTheDocument();
    expect(await hidden(db, 'a')).toBe('suspended');
  });

  it('a card failed for the eighth time becomes a leech, and is suspended when the user chose that', async () => {
    const lapsed = async (db: AppDb) => {
      const now = Date.now();
      const row = (await db.states.get('fundamentals.a'))!;
      await db.states.put(
        toRow({
          ...fromRow(row),
          state: 2,
          due: now - 3_600_000,
          stability: 3,
          difficulty: 8,
          reps: 20,
          lapses: 7,
          lastReview: now - 4 * 86_400_000,
        }),
      );
    };
    const db = await setup(lapsed, { suspendLeeches: true });
    const user = userEvent.setup();
    await user.keyboard(' ');
    await screen.findByText('A a');
    await user.keyboard('1');
    await waitFor(async () =>
      expect(
        await db.states
          .get('fundamentals.a')
          .then((s) => ({ lapses: s?.lapses, leech: s?.leech, hidden: s?.hidden })),
      ).toEqual({
        lapses: 8,
        leech: true,
        hidden: 'suspended',
      }),
    );
  });
});
