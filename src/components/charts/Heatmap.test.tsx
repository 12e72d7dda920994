import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../domain/settings/settings';
import { formatDayNumber, formatDayPart } from '../../i18n/format';
import { useAppStore } from '../../state/appStore';
import { Heatmap } from './Heatmap';

beforeEach(() => {
  useAppStore.setState({ settings: { ...defaultSettings, language: 'en' } });
});

/** 365 days up to Tuesday 12 May 2026, with reviews on a few of them. */
const today = Date.UTC(2026, 4, 12) / 86_400_000;
const year = (counts: Record<number, number>) =>
  Array.from({ length: 365 }, (_, i) => {
    const day = today - 364 + i;
    return { day, count: counts[day] ?? 0 };
  });

function heatmap(days: { day: number; count: number }[]) {
  const date = (day: number) => formatDayNumber(day, 'en');
  return render(
    <Heatmap
      title="The last year"
      days={days}
      dateOf={date}
      monthOf={(day) => formatDayPart(day, 'month', 'en')}
      weekdayOf={(day) => formatDayPart(day, 'weekday', 'en')}
      describe={(day, count) => `${date(day)}: ${count} reviews`}
      format={String}
      summary="46 reviews on 3 days in the last year."
      empty="No reviews yet."
      legend={['Less', 'More']}
      head={['Date', 'Reviews']}
    />,
  );
}

const axisTexts = (container: HTMLElement) =>
  [...container.querySelectorAll('.chart-axis text')].map((t) => t.textContent);

describe('Heatmap', () => {
  it('names the months above their weeks and the weekdays beside their rows', () => {
    const { container } = heatmap(year({ [today]: 34, [today - 1]: 2, [today - 8]: 10 }));
    const texts = axisTexts(container);
    expect(texts.slice(0, 3)).toEqual(['Mon', 'Wed', 'Fri']);
    expect(texts.slice(3)).toEqual(
      expect.arrayContaining([
        'Jun',
        'Jul',
        'Aug',
        'Sep',
        'Oct',
        'Nov',
        'Dec',
        'Jan',
        'Feb',
        'Mar',
        'Apr',
        'May',
      ]),
    );
    expect(screen.getByText('Less')).toBeVisible();
    expect(screen.getByText('More')).toBeVisible();
  });

  it('reads a day’s count on focus, moving a day with up/down and a week with left/right', async () => {
    const user = userEvent.setup();
    heatmap(year({ [today]: 34, [today - 1]: 2, [today - 8]: 10 }));
    await user.tab();
    expect(screen.getByRole('img', { name: 'May 12: 34 reviews' })).toHaveFocus();
    expect(document.querySelector('.chart-tip')).toHaveTextContent('May 12: 34 reviews');
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('img', { name: 'May 11: 2 reviews' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('img', { name: 'May 4: 10 reviews' })).toHaveFocus();
    expect(document.querySelector('.chart-tip')).toHaveTextContent('May 4: 10 reviews');
    // Only one day is in the tab order.
    expect(document.querySelectorAll('.chart-cell[tabindex="0"]')).toHaveLength(1);
  });

  it('shows a day’s count while the pointer is over it', () => {
    heatmap(year({ [today]: 34 }));
    fireEvent.mouseOver(screen.getByRole('img', { name: 'May 12: 34 reviews' }));
    expect(document.querySelector('.chart-tip')).toHaveTextContent('May 12: 34 reviews');
  });

  it('lists the days with reviews in a table', async () => {
    const user = userEvent.setup();
    heatmap(year({ [today]: 34, [today - 8]: 10 }));
    await user.click(screen.getByText('The last year: data'));
    expect(screen.getAllByRole('row').map((r) => r.textContent)).toEqual([
      'DateReviews',
      'May 410',
      'May 1234',
    ]);
  });

  it('says there have been no reviews instead of drawing a year of empty days', () => {
    const { container } = heatmap(year({}));
    expect(screen.getByText('No reviews yet.')).toBeVisible();
    expect(container.querySelector('svg')).toBeNull();
  });
});
