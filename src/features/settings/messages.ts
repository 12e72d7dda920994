import type { BaseKey, Language } from '../../i18n/translate';

/** The settings screen's own messages: they load with it. */
const en = {
  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.showBoth': 'Show the other language beside each card',
  'settings.rollover': 'New day starts at (hour)',
  'settings.retentionHint': 'Higher retention means more reviews. 0.90 is a good default.',
  'settings.learningSteps': 'Learning steps',
  'settings.relearningSteps': 'Relearning steps',
  'settings.stepsHint': 'Space-separated, e.g. 1m 10m 1h',
  'settings.fuzz': 'Fuzz intervals (spreads reviews out)',
  'settings.maxInterval': 'Maximum interval (days)',
  'settings.leechThreshold': 'Leech after this many lapses',
  'settings.suspendLeeches': 'Suspend a card automatically when it becomes a leech',
  'settings.storage': 'Storage',
  'settings.persisted': 'Your data is stored persistently: the browser will not clear it to free space.',
  'settings.notPersisted':
    'The browser did not grant persistent storage: it may clear your progress when space runs low (Safari after 7 days without a visit). Export a backup regularly.',
  'settings.persistUnknown': 'This browser cannot report whether storage is persistent.',
};

export type SettingsMessageKey = BaseKey<keyof typeof en>;

const zh: Record<SettingsMessageKey, string> = {
  'settings.title': '设置',
  'settings.language': '语言',
  'settings.showBoth': '在每张卡片旁同时显示另一种语言',
  'settings.rollover': '新的一天开始于（小时）',
  'settings.retentionHint': '保持率越高，复习次数越多。0.90 是不错的默认值。',
  'settings.learningSteps': '学习步长',
  'settings.relearningSteps': '重学步长',
  'settings.stepsHint': '用空格分隔，例如 1m 10m 1h',
  'settings.fuzz': '间隔随机化（让复习分布更均匀）',
  'settings.maxInterval': '最大间隔（天）',
  'settings.leechThreshold': '遗忘多少次后标记为难记卡片',
  'settings.suspendLeeches': '卡片成为难记卡片时自动暂停',
  'settings.storage': '存储',
  'settings.persisted': '你的数据已持久化存储：浏览器不会为了腾出空间而清除它。',
  'settings.notPersisted':
    '浏览器没有授予持久化存储：空间不足时可能清除你的进度（Safari 在 7 天未访问后也可能清除）。请定期导出备份。',
  'settings.persistUnknown': '这个浏览器无法报告存储是否持久化。',
};

export const settingsMessages: Record<Language, Record<SettingsMessageKey, string>> = { en, zh };
