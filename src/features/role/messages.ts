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
  'role.guidance': 'What each desired retention costs',
  'role.guidanceIntro':
    'The more of this role you ask to remember, the more reviews it takes, and the cost climbs steeply near the top. Expected for this role:',
  'role.guidanceRunning': 'Simulating…',
  'role.guidanceFailed': 'The simulation failed: {reason}',
  'role.guidanceRetention': 'Desired retention',
  'role.guidanceReviews': 'Reviews a day (average)',
  'role.guidanceRecalled': 'Cards you would recall in {days} days',
  'role.guidanceInUse': 'in use',
  'role.guidanceParamsOwn': 'your optimized FSRS parameters',
  'role.guidanceParamsDefault': 'FSRS’s default parameters',
  'role.guidanceAssumes':
    'What the simulation assumes: the next {days} days from this role’s {cards} cards as they are now, with {params}; each review is recalled with the probability FSRS predicts and rated as FSRS users typically rate; {newPerDay} new cards a day while any are left (their first views are not counted); at most {maxReviews} reviews a day; a forgotten card costs one more review that day per relearning step (your settings: {steps}). One seeded run per level: a guide to the trade-off, not a forecast.',
  'role.listMore': 'Show {n} more',
  'role.listInBrowser': 'All {n} in the card browser',
  'role.listLoading': 'Loading the cards…',
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
  'role.guidance': '每种目标记忆率的代价',
  'role.guidanceIntro': '你要求记住的越多，需要的复习就越多，接近上限时代价陡增。此角色的预计情况：',
  'role.guidanceRunning': '正在模拟…',
  'role.guidanceFailed': '模拟失败：{reason}',
  'role.guidanceRetention': '目标记忆率',
  'role.guidanceReviews': '每天复习数（平均）',
  'role.guidanceRecalled': '{days} 天后能回忆起的卡片',
  'role.guidanceInUse': '当前',
  'role.guidanceParamsOwn': '你优化后的 FSRS 参数',
  'role.guidanceParamsDefault': 'FSRS 默认参数',
  'role.guidanceAssumes':
    '模拟的假设：从此角色当前的 {cards} 张卡片出发，模拟接下来 {days} 天，使用{params}；每次复习以 FSRS 预测的概率回忆成功，评分比例取 FSRS 用户的典型值；每天 {newPerDay} 张新卡，直到学完（首次学习不计入）；每天最多 {maxReviews} 次复习；遗忘的卡片当天每个重学步骤再复习一次（你的设置：{steps} 步）。每个记忆率只运行一次固定种子的模拟：用于比较取舍，不是预测。',
  'role.listMore': '再显示 {n} 张',
  'role.listInBrowser': '在卡片浏览器中查看全部 {n} 张',
  'role.listLoading': '正在加载卡片…',
};

export const roleMessages: Record<Language, Record<RoleMessageKey, string>> = { en, zh };
