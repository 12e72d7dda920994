import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { builtinFiles, review } from '../../../tests/fixtures/data/seed';
import { DbProvider } from '../../components/DbContext';
import { defaultSettings } from '../../domain/settings/settings';
import { syncDecks } from '../../storage/deckSync';
import { freshDb } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import { BackupReminder } from './BackupReminder';

const DAY = 86_400_000;

async function withReviewsDaysAgo(days: number) {
  const db = freshDb();
  await syncDecks(db, builtinFiles());
  await review(db, ['rag.x'], 1, Date.now() - days * DAY);
  return db;
}

const show = (db: ReturnType<typeof freshDb>) =>
  render(
    <DbProvider db={db}>
      <MemoryRouter>
        <BackupReminder />
      </MemoryRouter>
    </DbProvider>,
  );

beforeEach(() => {
  useAppStore.setState({ settings: { ...defaultSettings, language: 'en' }, persist: 'granted' });
});

describe('backup reminder', () => {
  it('asks for a backup when reviews older than a week are in none, until snoozed', async () => {
    const db = await withReviewsDaysAgo(8);
    show(db);
    const banner = await screen.findByRole('status');
    expect(banner).toHaveTextContent(/Your reviews since .* are in no backup yet\./);
    expect(screen.getByRole('link', { name: 'Back up now' })).toHaveAttribute('href', '/data');
    await userEvent.click(screen.getByRole('button', { name: 'Remind me tomorrow' }));
    await expect.poll(() => screen.queryByRole('status')).toBeNull();
  });

  it('is urgent, and comes sooner, when the browser refused persistent storage', async () => {
    useAppStore.setState({ persist: 'refused' });
    show(await withReviewsDaysAgo(4));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This browser refused persistent storage and may delete them.',
    );
  });
});
