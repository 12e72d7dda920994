import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../domain/settings/settings';
import { syncDecks } from '../../storage/deckSync';
import { freshDb, testCard, testDeckFile } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import { renderReview } from './renderReview';

describe('the card that comes next', () => {
  it('is prepared, out of sight, while the user reads; a rating then shows that very card', async () => {
    const db = freshDb();
    const cards = ['a', 'b', 'c'].map((id) => testCard('fundamentals', id));
    await syncDecks(db, [testDeckFile('fundamentals', cards)]);
    useAppStore.getState().ready({ ...defaultSettings, language: 'en' }, []);
    const { container } = renderReview(db);
    await screen.findByText('Q a');

    // Prepared at an idle moment: in the page, hidden, and not (yet) the card or its question.
    const prepared = await waitFor(() => {
      const article = container.querySelector('article.card-prepared');
      expect(article).not.toBeNull();
      return article!;
    });
    expect(prepared.textContent).toContain('Q b');
    expect(prepared.closest('[hidden]')).not.toBeNull();
    expect(container.querySelectorAll('article.card')).toHaveLength(1);
    expect(container.querySelectorAll('.card-question')).toHaveLength(1);
    expect(screen.getAllByRole('article')).toHaveLength(1);

    const user = userEvent.setup();
    await user.keyboard(' ');
    await screen.findByRole('button', { name: /Good/ });
    await user.keyboard('3');
    await waitFor(() =>
      expect(container.querySelector('article.card')?.getAttribute('data-card-id')).toBe('fundamentals.b'),
    );
    // The same element, now shown: the rating built no card of its own.
    expect(container.querySelector('article.card')).toBe(prepared);
    expect(prepared.closest('[hidden]')).toBeNull();
    expect(screen.getByText('Q b')).toBeVisible();
  });
});
