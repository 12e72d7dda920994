import type { BaseKey, Language } from '../../i18n/translate';

/** Today's own messages: they load with the screen. */
const en = {
  'today.interviewIn': 'Interview {date}, in {n} days',
  'today.interviewIn#one': 'Interview {date}, in {n} day',
  'today.interviewToday': 'Interview today',
  'today.title': 'Today',
  'today.start': 'Start daily review',
  'today.noRoles': 'No roles are switched on for the daily review yet.',
  'today.pickRoles': 'Choose the roles you are preparing for',
  'today.dueSummary': '{new} new · {learning} learning · {review} to review',
  'today.readiness': 'Ready {pct}',
};

export type TodayMessageKey = BaseKey<keyof typeof en>;

const zh: Record<TodayMessageKey, string> = {
  'today.interviewIn': '{date} 面试，还有 {n} 天',
  'today.interviewToday': '今天面试',
  'today.title': '今天',
  'today.start': '开始今日复习',
  'today.noRoles': '还没有为每日复习开启任何岗位。',
  'today.pickRoles': '选择你正在准备的岗位',
  'today.dueSummary': '新卡 {new} · 学习中 {learning} · 待复习 {review}',
  'today.readiness': '准备度 {pct}',
};

export const todayMessages: Record<Language, Record<TodayMessageKey, string>> = { en, zh };
