import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { builtinFiles, seeded, T0 } from '../../../tests/fixtures/data/seed';
import { DbProvider } from '../../components/DbContext';
import { backupToString } from '../../domain/backup/format';
import { defaultSettings } from '../../domain/settings/settings';
import { collectAll } from '../../storage/backup/collect';
import { loadBackupPrefs } from '../../storage/backup/prefs';
import type { AppDb } from '../../storage/db';
import { syncDecks } from '../../storage/deckSync';
import { failWrites, freshDb } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import DataScreen from './DataScreen';

const section = (name: string) => screen.getByRole('heading', { name }).closest('section')!;

function renderScreen(db: AppDb) {
  render(
    <DbProvider db={db}>
      <MemoryRouter>
        <DataScreen />
      </MemoryRouter>
    </DbProvider>,
  );
}

beforeEach(() => {
  useAppStore.setState({ settings: { ...defaultSettings, language: 'en' }, persist: 'granted' });
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }));
});
afterEach(() => vi.useRealTimers());

describe('Data screen when storage is full', () => {
  it('says a backup written completely was saved, and only that its date could not be noted', async () => {
    const db = await seeded(freshDb());
    await failWrites(db, 'settings');
    const user = userEvent.setup();
    renderScreen(db);
    const backup = section('Backup');
    await user.click(within(backup).getByRole('button', { name: 'Download backup' }));
    const status = await within(backup).findByText(/^Backup saved to your downloads/);
    expect(status).toHaveAttribute('role', 'status');
    expect(status).toHaveTextContent('Backup saved to your downloads.');
    expect(status).toHaveTextContent('The browser’s storage for this app is full');
    expect(within(backup).queryByRole('alert')).toBeNull();
    expect((await loadBackupPrefs(db)).lastBackupAt).toBeNull();
  });

  it('tells what happened and what to do when a restore runs out of space, in the user’s language', async () => {
    const backup = backupToString(await collectAll(await seeded(freshDb()), T0));
    const db = freshDb();
    await syncDecks(db, builtinFiles());
    await failWrites(db, 'logs');
    useAppStore.setState({ settings: { ...defaultSettings, language: 'zh' } });
    const user = userEvent.setup();
    renderScreen(db);
    const restore = section('从备份恢复');
    await user.upload(within(restore).getByLabelText(/备份文件/), new File([backup], 'b.json'));
    await within(restore).findByTestId('backup-contents');
    await user.click(within(restore).getByLabelText(/^全部替换/));
    await user.click(within(restore).getByRole('button', { name: '用这个备份替换全部数据' }));
    const alert = await within(restore).findByRole('alert');
    expect(alert).toHaveTextContent('存储空间已满');
    expect(alert).not.toHaveTextContent('QuotaExceededError');
  });
});
