import { describe, expect, it } from 'vitest';
import { statsMessages } from '../features/stats/messages';
import { todayMessages } from '../features/today/messages';
import { translate, translateWith } from './translate';

describe('translate', () => {
  it('chooses the plural form the count asks for, by Intl.PluralRules', () => {
    const date = 'Dec 9';
    expect(translateWith(todayMessages, 'en', 'today.interviewIn', { date, n: 1 })).toBe(
      'Interview Dec 9, in 1 day',
    );
    expect(translateWith(todayMessages, 'en', 'today.interviewIn', { date, n: 0 })).toBe(
      'Interview Dec 9, in 0 days',
    );
    expect(translateWith(todayMessages, 'en', 'today.interviewIn', { date, n: 21 })).toBe(
      'Interview Dec 9, in 21 days',
    );
    expect(translateWith(todayMessages, 'zh', 'today.interviewIn', { date: '12月9日', n: 1 })).toBe(
      '12月9日 面试，还有 1 天',
    );
    expect(translateWith(statsMessages, 'en', 'stats.nDays', { n: 1 })).toBe('1 day');
    expect(translate('en', 'roles.cardCount', { n: 1 })).toBe('1 card');
    expect(translate('en', 'roles.cardCount', { n: 2 })).toBe('2 cards');
    expect(
      translateWith(statsMessages, 'en', 'stats.heatmapSummary', {
        reviews: translateWith(statsMessages, 'en', 'stats.nReviews', { n: 25 }),
        days: translateWith(statsMessages, 'en', 'stats.nDays', { n: 1 }),
      }),
    ).toBe('25 reviews on 1 day in the last year.');
  });

  it('writes numbers as the language does', () => {
    expect(
      translateWith(todayMessages, 'en', 'today.dueSummary', { new: 1234, learning: 0, review: 5 }),
    ).toBe('1,234 new · 0 learning · 5 to review');
    expect(translateWith(statsMessages, 'zh', 'stats.nReviews', { n: 12345 })).toBe('12,345 次');
  });
});
