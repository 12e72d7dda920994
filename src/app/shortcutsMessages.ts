import type { BaseKey, Language } from '../i18n/translate';

/** The keyboard shortcuts list's own messages: they load with the list, when it is first opened. */
const en = {
  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.close': 'Close',
  'shortcuts.review': 'While reviewing',
  'shortcuts.anywhere': 'Anywhere',
  'shortcuts.reveal': 'Show the answer',
  'shortcuts.accept': 'Show the answer, then accept the rating the ticked key points suggest',
  'shortcuts.rate': 'Rate: Again, Hard, Good, Easy',
  'shortcuts.tick': 'Tick key points 1 to 5',
  'shortcuts.answer': 'Open or close the model answer',
  'shortcuts.undo': 'Undo the last rating (several steps)',
  'shortcuts.help': 'Show this list',
  'shortcuts.bury': 'Bury the card until tomorrow',
  'shortcuts.suspend': 'Suspend the card',
  'shortcuts.flag': 'Flag the card (the same colour again clears it)',
  'shortcuts.note': 'Edit your note on the card',
  'shortcuts.search': 'Search cards',
  'shortcuts.closeKey': 'Close this list',
};

export type ShortcutsMessageKey = BaseKey<keyof typeof en>;

const zh: Record<ShortcutsMessageKey, string> = {
  'shortcuts.title': '键盘快捷键',
  'shortcuts.close': '关闭',
  'shortcuts.review': '复习时',
  'shortcuts.anywhere': '任何页面',
  'shortcuts.reveal': '显示答案',
  'shortcuts.accept': '显示答案，然后采用已勾选要点建议的评分',
  'shortcuts.rate': '评分：重来、困难、良好、简单',
  'shortcuts.tick': '勾选第 1 到 5 个要点',
  'shortcuts.answer': '展开或收起参考答案',
  'shortcuts.undo': '撤销上一次评分（可连续撤销）',
  'shortcuts.help': '显示这个列表',
  'shortcuts.bury': '将卡片搁置到明天',
  'shortcuts.suspend': '暂停这张卡片',
  'shortcuts.flag': '给卡片设旗标（再按同一颜色取消）',
  'shortcuts.note': '编辑你在这张卡片上的笔记',
  'shortcuts.search': '搜索卡片',
  'shortcuts.closeKey': '关闭这个列表',
};

export const shortcutsMessages: Record<Language, Record<ShortcutsMessageKey, string>> = { en, zh };
