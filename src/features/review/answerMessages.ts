import type { BaseKey, Language } from '../../i18n/translate';

/** What the review shows after the first card (its answer, the rating buttons, the end): these load with those parts. */
const en = {
  'review.pitfalls': 'Common pitfalls',
  'review.followUps': 'Follow-up questions',
  'review.references': 'References',
  'review.done': 'Done for now',
  'review.doneDaily': 'You have finished today’s review. Well done.',
  'review.waiting': 'The next learning card is due at {time}.',
  'review.ahead': 'Review ahead',
  'review.aheadHint':
    'Nothing is due in this role. Reviewing ahead is logged as a normal review; FSRS accounts for the early review.',
  'review.suggested': 'Suggested',
  'review.rate': 'Rate your answer',
};

export type AnswerMessageKey = BaseKey<keyof typeof en>;

const zh: Record<AnswerMessageKey, string> = {
  'review.pitfalls': '常见误区',
  'review.followUps': '追问',
  'review.references': '参考资料',
  'review.done': '暂时完成',
  'review.doneDaily': '今天的复习已经完成，做得好。',
  'review.waiting': '下一张学习中的卡片将在 {time} 到期。',
  'review.ahead': '提前复习',
  'review.aheadHint': '这个岗位现在没有到期的卡片。提前复习会像普通复习一样记录，FSRS 会考虑提前复习的影响。',
  'review.suggested': '建议',
  'review.rate': '给你的回答评分',
};

export const answerMessages: Record<Language, Record<AnswerMessageKey, string>> = { en, zh };
