import type { BaseKey, Language } from '../../i18n/translate';

/** The backup reminder's own messages: it is never part of the first card's download. */
const en = {
  'data.reminder.never': 'Your reviews since {date} are in no backup yet.',
  'data.reminder.old': 'Your last backup is from {date}; newer reviews are in no backup.',
  'data.reminder.urgent': 'This browser refused persistent storage and may delete them.',
  'data.reminder.backUp': 'Back up now',
  'data.reminder.snooze': 'Remind me tomorrow',
};

export type ReminderMessageKey = BaseKey<keyof typeof en>;

const zh: Record<ReminderMessageKey, string> = {
  'data.reminder.never': '你从 {date} 以来的复习记录还没有任何备份。',
  'data.reminder.old': '你上次备份是在 {date}，之后的复习记录还没有备份。',
  'data.reminder.urgent': '这个浏览器拒绝了持久化存储，可能会删除这些数据。',
  'data.reminder.backUp': '立即备份',
  'data.reminder.snooze': '明天再提醒我',
};

export const reminderMessages: Record<Language, Record<ReminderMessageKey, string>> = { en, zh };
