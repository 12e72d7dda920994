import type { BaseKey, Language } from '../i18n/translate';

/** What the error boundaries say (src/components/ErrorBoundary.tsx). */
const en = {
  'error.card': 'This card could not be shown.',
  'error.screen': 'This screen could not be shown.',
  'error.what': 'What failed: {error}',
  'error.tryAgain': 'Try again',
  'error.skip': 'Skip this card',
  'error.suspend': 'Suspend this card',
  'error.report': 'Copy a report',
  'error.reported': 'Copied: paste it into an issue or an email.',
  'error.home': 'Go to Today',
};

export type ErrorMessageKey = BaseKey<keyof typeof en>;

const zh: Record<ErrorMessageKey, string> = {
  'error.card': '这张卡片无法显示。',
  'error.screen': '这个页面无法显示。',
  'error.what': '出错的地方：{error}',
  'error.tryAgain': '重试',
  'error.skip': '跳过这张卡片',
  'error.suspend': '暂停这张卡片',
  'error.report': '复制错误报告',
  'error.reported': '已复制：可以粘贴到问题反馈或邮件里。',
  'error.home': '回到今天',
};

export const errorMessages: Record<Language, Record<ErrorMessageKey, string>> = { en, zh };
