import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../../components/DbContext';
import { defaultSettings, roleSettings } from '../../domain/settings/settings';
import { syncDecks } from '../../storage/deckSync';
import { loadSettings } from '../../storage/settings';
import { freshDb, testCard, testDeckFile } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import RoleScreen from './RoleScreen';

const localDate = (time: number) => {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function setup() {
  const db = freshDb();
  await syncDecks(db, [testDeckFile('rag', [testCard('rag', 'c1'), testCard('rag', 'c2')], 'h')]);
  render(
    <DbProvider db={db}>
      <MemoryRouter initialEntries={['/roles/rag']}>
        <Routes>
          <Route path="/roles/:roleId" element={<RoleScreen />} />
        </Routes>
      </MemoryRouter>
    </DbProvider>,
  );
  const form = await screen.findByRole('form', { name: 'Role settings' });
  return { db, form, user: userEvent.setup() };
}

beforeEach(() => {
  useAppStore.setState({ settings: { ...defaultSettings, language: 'en' } });
});

describe('role page', () => {
  it('sets the interview date, and clears it', async () => {
    const { db, form, user } = await setup();
    const date = localDate(Date.now() + 30 * 86_400_000);
    await user.type(within(form).getByLabelText('Interview date (optional)'), date);
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await within(form).findByText('Saved');
    expect(roleSettings(await loadSettings(db), 'rag').interviewDate).toBe(date);

    await user.clear(within(form).getByLabelText('Interview date (optional)'));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await within(form).findByText('Saved');
    expect(roleSettings(useAppStore.getState().settings, 'rag').interviewDate).toBeNull();
  });

  it('refuses a date that has passed, naming the field, and saves nothing', async () => {
    const { db, form, user } = await setup();
    await user.type(within(form).getByLabelText('Interview date (optional)'), '2020-01-02');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByRole('status')).toHaveTextContent(
      'Not saved: interview date (a day from today on, or empty)',
    );
    expect(roleSettings(await loadSettings(db), 'rag').interviewDate).toBeNull();
  });
});
