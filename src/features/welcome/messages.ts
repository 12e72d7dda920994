import type { BaseKey, Language } from '../../i18n/translate';

/** The first-visit welcome's own messages: they load with it, and only on a first visit. */
const en = {
  'welcome.title': 'Welcome to Interview Recall',
  'welcome.intro':
    'Which roles are you preparing for? Each has its own cards; Fundamentals is the base for all of them. Add an interview date if you have one: the app counts the days and shows how ready you are.',
  'welcome.roles': 'The roles you are preparing for',
  'welcome.date': 'Interview date for {role} (optional)',
  'welcome.start': 'Start my first review',
  'welcome.skip': 'Skip for now',
  'welcome.later': 'You can change all of this later on the Roles page and on each role’s page.',
  'welcome.noRole': 'Not started: choose at least one role.',
  'welcome.badDate':
    'Not started: the interview date for {role} has passed. Choose a day from today on, or leave it empty.',
} as const;

export type WelcomeMessageKey = BaseKey<keyof typeof en>;

const zh: Record<WelcomeMessageKey, string> = {
  'welcome.title': '欢迎使用 Interview Recall 面试记忆',
  'welcome.intro':
    '你在准备哪些岗位？每个岗位都有自己的卡片；“基础知识”是所有岗位的基础。如果已经有面试日期，也可以填上：应用会倒数天数，并显示你的准备度。',
  'welcome.roles': '你正在准备的岗位',
  'welcome.date': '{role}的面试日期（可选）',
  'welcome.start': '开始第一次复习',
  'welcome.skip': '暂时跳过',
  'welcome.later': '这些之后都可以在“岗位”页面和各岗位页面中修改。',
  'welcome.noRole': '未开始：请至少选择一个岗位。',
  'welcome.badDate': '未开始：{role}的面试日期已经过去。请选择今天或以后的日期，或者留空。',
};

export const welcomeMessages: Record<Language, Record<WelcomeMessageKey, string>> = { en, zh };
