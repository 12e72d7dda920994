import type { BaseKey, Language } from '../../i18n/translate';

/** The role screen's own messages: they load with the screen, not with the first bundle. */
const en = {
  'role.studyMore': 'Study more today',
  'role.studyMoreLimit': 'Today: up to {n} new cards ({daily} a day, the daily limit).',
  'role.studyMoreLimit#one': 'Today: up to {n} new card ({daily} a day, the daily limit).',
  'role.studyMoreExtra': 'Today: up to {n} new cards ({daily} a day + {extra} more today only).',
  'role.studyMoreExtra#one': 'Today: up to {n} new card ({daily} a day + {extra} more today only).',
  'role.studyMoreCount': 'Extra new cards',
  'role.studyMoreAdd': 'Study more today: +{n} new cards',
  'role.studyMoreAdd#one': 'Study more today: +{n} new card',
  'role.studyMoreBad': 'extra new cards (a whole number from 1 to {max})',
  'role.studyMoreDone':
    'Added {n} new cards for today only; from tomorrow the daily limit applies again. Practise this role to study them.',
  'role.studyMoreDone#one':
    'Added {n} new card for today only; from tomorrow the daily limit applies again. Practise this role to study it.',
  'role.ahead': 'Review ahead',
  'role.aheadHint':
    'Nothing of this role is due today: review the cards due soonest, before their day. Their next intervals are computed from today.',
  'role.aheadLater': 'Review ahead is offered once the {n} cards due today are done.',
  'role.aheadLater#one': 'Review ahead is offered once the card due today is done.',
  'role.aheadNone': 'No card has been reviewed yet, so there is nothing to review ahead.',
};

export type RoleMessageKey = BaseKey<keyof typeof en>;

const zh: Record<RoleMessageKey, string> = {
  'role.studyMore': '今天多学一些',
  'role.studyMoreLimit': '今天：最多 {n} 张新卡（每日上限 {daily} 张）。',
  'role.studyMoreExtra': '今天：最多 {n} 张新卡（每日 {daily} 张，今天额外 {extra} 张）。',
  'role.studyMoreCount': '额外新卡数',
  'role.studyMoreAdd': '今天多学：+{n} 张新卡',
  'role.studyMoreBad': '额外新卡数（1 到 {max} 的整数）',
  'role.studyMoreDone': '已为今天额外添加 {n} 张新卡；明天起恢复每日上限。练习此角色即可学习。',
  'role.ahead': '提前复习',
  'role.aheadHint': '此角色今天没有到期的卡片：可提前复习最快到期的卡片。下次间隔从今天算起。',
  'role.aheadLater': '完成今天到期的 {n} 张卡片后，即可提前复习。',
  'role.aheadNone': '还没有复习过任何卡片，没有可提前复习的内容。',
};

export const roleMessages: Record<Language, Record<RoleMessageKey, string>> = { en, zh };
