import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../domain/settings/settings';
import { useAppStore } from '../../state/appStore';
import { BarChart, type BarChartProps } from './BarChart';

beforeEach(() => {
  useAppStore.setState({ settings: { ...defaultSettings, language: 'en' } });
});

const labels = ['May 10', 'May 11', 'May 12'];
function chart(values: number[], more: Partial<BarChartProps> = {}) {
  return render(
    <BarChart
      title="Reviews per day"
      labels={labels}
      values={values}
      unit="Reviews"
      format={String}
      describe={(i) => `${labels[i]}: ${values[i]} reviews`}
      empty="No reviews yet."
      head={['Date', 'Reviews']}
      {...more}
    />,
  );
}

const axisTexts = (container: HTMLElement) =>
  [...container.querySelectorAll('.chart-axis text')].map((t) => t.textContent);

describe('BarChart', () => {
  it('labels its y axis with round ticks up to the highest value, its unit, and the days on its x axis', () => {
    const { container } = chart([5, 34, 12], { xUnit: 'Day' });
    expect(axisTexts(container)).toEqual(['0', '10', '20', '30', '40', 'May 10', 'May 11', 'May 12']);
    expect(screen.getByText('Reviews')).toBeVisible();
    expect(screen.getByText('Day')).toBeVisible();
  });

  it('is one tab stop whose bars, reached with the arrow keys, say and show their value', async () => {
    const user = userEvent.setup();
    chart([5, 34, 12]);
    await user.tab();
    // The latest bar first.
    expect(screen.getByRole('img', { name: 'May 12: 12 reviews' })).toHaveFocus();
    expect(document.querySelector('.chart-tip')).toHaveTextContent('May 12: 12 reviews');
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('img', { name: 'May 11: 34 reviews' })).toHaveFocus();
    expect(document.querySelector('.chart-tip')).toHaveTextContent('May 11: 34 reviews');
    await user.keyboard('{Home}');
    expect(screen.getByRole('img', { name: 'May 10: 5 reviews' })).toHaveFocus();
    const bars = screen.getAllByRole('img');
    expect(bars.filter((b) => b.getAttribute('tabindex') === '0')).toEqual([bars[0]]);
    await user.tab();
    expect(document.querySelector('.chart-tip')).toBeNull();
  });

  it('shows a bar’s value while the pointer is over it', () => {
    chart([5, 34, 12]);
    const group = screen.getByRole('group', { name: 'Reviews per day' });
    fireEvent.mouseOver(within(group).getByRole('img', { name: 'May 11: 34 reviews' }));
    expect(document.querySelector('.chart-tip')).toHaveTextContent('May 11: 34 reviews');
    fireEvent.mouseLeave(group.querySelector('[data-i]')!.parentElement!);
    expect(document.querySelector('.chart-tip')).toBeNull();
  });

  it('keeps the numbers in a table for screen readers', async () => {
    const user = userEvent.setup();
    chart([5, 34, 12]);
    await user.click(screen.getByText('Reviews per day: data'));
    const rows = screen.getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual(['DateReviews', 'May 105', 'May 1134', 'May 1212']);
  });

  it('says there is nothing to show instead of drawing an empty box', () => {
    const { container } = chart([0, 0, 0]);
    expect(screen.getByText('No reviews yet.')).toBeVisible();
    expect(container.querySelector('svg')).toBeNull();
    expect(screen.queryByText('Reviews per day: data')).toBeNull();
  });
});

describe('BarChart whose data changes', () => {
  it('draws the bars once a range with reviews replaces an empty one', () => {
    const props = {
      title: 'Reviews per day',
      labels,
      unit: 'Reviews',
      format: String,
      describe: (i: number) => labels[i]!,
      empty: 'No reviews in the last 30 days.',
      head: ['Date', 'Reviews'] as [string, string],
    };
    const { rerender } = render(<BarChart {...props} values={[0, 0, 0]} />);
    expect(screen.getByText('No reviews in the last 30 days.')).toBeVisible();
    rerender(<BarChart {...props} values={[0, 2, 0]} />);
    expect(screen.getAllByRole('img')).toHaveLength(3);
  });
});

describe('BarChart with many days', () => {
  it('names only as many days on the x axis as fit, always the latest', () => {
    const days = Array.from({ length: 30 }, (_, i) => `Apr ${i + 1}`);
    const values = days.map((_, i) => i % 4);
    const { container } = render(
      <BarChart
        title="Reviews per day"
        labels={days}
        values={values}
        unit="Reviews"
        format={String}
        describe={(i) => `${days[i]}: ${values[i]} reviews`}
        empty="No reviews yet."
        head={['Date', 'Reviews']}
      />,
    );
    const named = axisTexts(container).filter((t) => t?.startsWith('Apr'));
    expect(named.length).toBeGreaterThan(3);
    expect(named.length).toBeLessThan(30);
    expect(named.at(-1)).toBe('Apr 30');
    // Every bar can still be read, by its name.
    expect(screen.getAllByRole('img')).toHaveLength(30);
  });
});
