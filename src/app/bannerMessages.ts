import type { BaseKey, Language } from '../i18n/translate';

/** The app-wide notices' own messages: they load with them (BannersGate.tsx). */
const en = {
  'banner.storageWhatToDo':
    'Install the app (Install in the browser’s menu or address bar) so the browser keeps its data, and back up your progress from time to time.',
  'banner.backUp': 'Back up now',
  'banner.dismiss': 'Got it',
  'banner.deckProblems': 'Some decks could not be loaded; the others work normally.',
  'banner.update': 'A new version of Interview Recall is ready.',
  'banner.reload': 'Reload',
  'banner.storageRefused':
    'This browser refused persistent storage: it may clear your progress when space runs low.',
};

export type BannerMessageKey = BaseKey<keyof typeof en>;

const zh: Record<BannerMessageKey, string> = {
  'banner.storageWhatToDo':
    '请安装这个应用（在浏览器菜单或地址栏中选择“安装”），浏览器就会保留它的数据；另外请不时备份你的进度。',
  'banner.backUp': '立即备份',
  'banner.dismiss': '知道了',
  'banner.deckProblems': '有些卡组无法加载；其他卡组可以正常使用。',
  'banner.update': 'Interview Recall 有新版本可用。',
  'banner.reload': '重新加载',
  'banner.storageRefused': '这个浏览器拒绝了持久化存储：空间不足时可能会清除你的进度。',
};

export const bannerMessages: Record<Language, Record<BannerMessageKey, string>> = { en, zh };
