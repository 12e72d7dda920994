import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { builtinFiles, fingerprint, seeded, T0 } from '../../../tests/fixtures/data/seed';
import { DbProvider } from '../../components/DbContext';
import { BACKUP_VERSION, backupToString } from '../../domain/backup/format';
import { defaultSettings } from '../../domain/settings/settings';
import { collectAll } from '../../storage/backup/collect';
import { resetCards } from '../../storage/cardActions';
import type { AppDb } from '../../storage/db';
import { syncDecks } from '../../storage/deckSync';
import { countWrites, freshDb } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import DataScreen from './DataScreen';

function renderScreen(db: AppDb) {
  return render(
    <DbProvider db={db}>
      <MemoryRouter>
        <DataScreen />
      </MemoryRouter>
    </DbProvider>,
  );
}

async function wiped() {
  const db = freshDb();
  await syncDecks(db, builtinFiles());
  return db;
}

const section = (name: string) => screen.getByRole('heading', { name }).closest('section')!;

beforeEach(() => {
  useAppStore.setState({ settings: { ...defaultSettings, language: 'en' }, persist: 'granted' });
});

describe('Data screen', () => {
  it('restores a backup after showing what it holds and what a replace does', async () => {
    const backup = backupToString(await collectAll(await seeded(freshDb()), T0));
    const db = await wiped();
    const user = userEvent.setup();
    renderScreen(db);
    const restore = section('Restore from a backup');
    await user.upload(
      within(restore).getByLabelText('Choose a backup file (.json)'),
      new File([backup], 'b.json'),
    );

    await within(restore).findByTestId('backup-contents');
    expect(within(restore).getByTestId('backup-contents')).toHaveTextContent(
      'Reviews: 12 · cards with progress: 4 · imported decks: 1 (cards: 2).',
    );
    expect(within(restore).getByTestId('restore-summary')).toHaveTextContent(
      'Reviews: the 12 in the file replace the 0 here now.',
    );
    await user.click(within(restore).getByLabelText(/^Merge/));
    expect(within(restore).getByTestId('restore-summary')).toHaveTextContent('Settings: yours are kept.');
    await user.click(within(restore).getByLabelText(/^Replace everything/));
    await user.click(within(restore).getByRole('button', { name: 'Replace everything with this backup' }));

    await within(restore).findByText('Restored. Your previous data is kept as a snapshot below.');
    expect(await db.logs.count()).toBe(12);
    expect(useAppStore.getState().settings.desiredRetention).toBe(0.85);
    // The database replaced had its decks but nothing studied yet.
    expect(await within(section('Snapshot')).findByTestId('snapshot-info')).toHaveTextContent(
      'Cards with progress: 0 · reviews: 0.',
    );
  });

  it('names a reset of card progress as the reason for its snapshot, in both languages', async () => {
    const db = await seeded(freshDb());
    const [state] = await db.states.toArray();
    await resetCards(db, [state!.cardId], T0);
    const { unmount } = renderScreen(db);
    expect(await within(section('Snapshot')).findByTestId('snapshot-info')).toHaveTextContent(
      'before resetting the progress of cards.',
    );
    unmount();
    useAppStore.setState({ settings: { ...defaultSettings, language: 'zh' } });
    renderScreen(db);
    expect(await within(section('快照')).findByTestId('snapshot-info')).toHaveTextContent(
      '在重置卡片进度之前',
    );
  });

  it('names the problem and where it is for a bad backup, and writes nothing', async () => {
    const db = await wiped();
    const before = await fingerprint(db);
    const writes = await countWrites(db);
    const user = userEvent.setup();
    renderScreen(db);
    const restore = section('Restore from a backup');
    const text = backupToString(await collectAll(await seeded(freshDb()), T0)).replace(
      `"version": ${BACKUP_VERSION}`,
      '"version": 9',
    );
    await user.upload(
      within(restore).getByLabelText('Choose a backup file (.json)'),
      new File([text], 'b.json'),
    );
    const alert = await within(restore).findByRole('alert');
    expect(alert).toHaveTextContent('This backup was made by a newer version of the app (format 9).');
    expect(alert).toHaveTextContent('version');
    expect(writes.count).toBe(0);
    expect(await fingerprint(db)).toEqual(before);
  });

  it('imports a CSV deck under the name the user picks, and lists problems by line otherwise', async () => {
    const db = await wiped();
    const user = userEvent.setup();
    renderScreen(db);
    const area = section('Import a deck');
    const input = within(area).getByLabelText('Choose a deck file (.json, .csv, .tsv, .txt)');

    await user.upload(input, new File(['q1,a1\nq2\n'], 'broken.csv'));
    expect(await within(area).findByRole('alert')).toHaveTextContent(
      'line 2 This row has only one column (no back). Is the separator right?',
    );

    await user.upload(
      input,
      new File(['front,back\nWhat is RAG?,Retrieval + generation\n'], 'rag notes.csv'),
    );
    const name = await within(area).findByLabelText('Deck name');
    await waitFor(() => expect(name).toHaveValue('rag notes'));
    await user.clear(name);
    await user.type(name, 'My RAG');
    await waitFor(() =>
      expect(within(area).getByTestId('import-preview')).toHaveTextContent('New deck “My RAG”. Cards: 1.'),
    );
    expect(within(area).getByTestId('import-preview')).toHaveTextContent('The first row names the columns');
    await user.click(within(area).getByRole('button', { name: 'Import' }));
    await within(area).findByText(/Imported “My RAG”/);
    expect(await db.cards.where('deckId').equals('user-my-rag').count()).toBe(1);
    expect(useAppStore.getState().settings.roles['user-my-rag']?.enabled).toBe(true);
  });
});
