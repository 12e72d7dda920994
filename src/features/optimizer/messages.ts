import type { BaseKey, Language } from '../../i18n/translate';

/** The optimizer screen's own messages: they load with the screen, not with the first bundle. */
const en = {
  'optimizer.title': 'Optimize FSRS parameters',
  'optimizer.intro':
    'FSRS predicts when you will forget a card from parameters that fit an average learner. Trained on your own reviews, they fit you: intervals follow how fast you actually forget. Training runs in this browser; nothing leaves it.',
  'optimizer.scope': 'Parameters for',
  'optimizer.global': 'All roles (a role without its own uses these)',
  'optimizer.counting': 'Counting your reviews…',
  'optimizer.reviews': '{n} reviews count (reviews on a later day than the one before, in {cards} cards).',
  'optimizer.reviews#one':
    '{n} review counts (reviews on a later day than the one before, in {cards} cards).',
  'optimizer.few':
    'Fewer than {n} reviews: the fitted parameters would mostly reflect chance. Keep reviewing and optimize later; the result is only adopted if it predicts your reviews better anyway.',
  'optimizer.none': 'There are no reviews to learn from yet.',
  'optimizer.start': 'Optimize',
  'optimizer.cancel': 'Cancel',
  'optimizer.cancelled': 'Cancelled: nothing changed.',
  'optimizer.training': 'Training on your reviews…',
  'optimizer.progress': '{done} of {total} steps',
  'optimizer.stage.reading': 'Reading your reviews.',
  'optimizer.stage.loading': 'Starting the optimizer.',
  'optimizer.stage.training': 'Fitting the parameters.',
  'optimizer.stage.scoring': 'Scoring the new parameters against the current ones.',
  'optimizer.failed': 'The optimizer failed: {reason}. Nothing changed.',
  'optimizer.threadsFailed':
    'The optimizer failed to start: the browser did not run its threads. Nothing changed. Press Optimize to try again; if it fails again, reload the page.',
  'optimizer.unavailable':
    'The optimizer cannot run here: it needs this page to be cross-origin isolated (for SharedArrayBuffer), and the server did not send the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp. Your reviews still use the parameters you have.',
  'optimizer.reloadToEnable':
    'The optimizer needs this page to be cross-origin isolated (for SharedArrayBuffer), and the server did not send the headers for it. The app’s offline copy adds them: reload the page and the optimizer will be available.',
  'optimizer.result': 'Result',
  'optimizer.current': 'Parameters in use',
  'optimizer.fitted': 'Newly fitted',
  'optimizer.logLoss': 'Log loss (lower is better)',
  'optimizer.rmse': 'RMSE of binned recall',
  'optimizer.within': 'predicts your recall within ±{p} %',
  'optimizer.adopted':
    'Adopted: the new parameters predict your reviews better. They schedule this scope’s cards from the next card on.',
  'optimizer.kept': 'Kept the parameters in use: the new ones do not predict your reviews better.',
  'optimizer.inUse': 'In use: {what}',
  'optimizer.defaults': 'FSRS’s default parameters',
  'optimizer.globalInUse': 'the parameters for all roles',
  'optimizer.own': 'parameters fitted on {date}',
  'optimizer.reset': 'Back to defaults',
  'optimizer.resetDone': 'Back to the defaults from the next card on.',
  'optimizer.history': 'History',
  'optimizer.historyNone': 'Not optimized yet.',
  'optimizer.when': 'When',
  'optimizer.on': 'Reviews',
  'optimizer.before': 'Before',
  'optimizer.after': 'Fitted',
  'optimizer.outcome': 'Outcome',
  'optimizer.outcomeAdopted': 'adopted',
  'optimizer.outcomeKept': 'not better, kept',
  'optimizer.outcomeDefaults': 'back to defaults',
  'optimizer.score': '{loss} · ±{p} %',
  'optimizer.rescheduleTitle': 'Reschedule your cards now (optional)',
  'optimizer.rescheduleIntro':
    'The new parameters schedule each card from its next review on; until then it keeps the due date the old ones gave it. Rescheduling replays the reviews of every studied card ({which}) with the new parameters and gives it the due date they give: some come due sooner, some later. Your data is first kept as the automatic snapshot, which the Data screen can roll back.',
  'optimizer.rescheduleRole': 'of this role',
  'optimizer.rescheduleGlobal': 'of every role without parameters of its own',
  'optimizer.reschedule': 'Reschedule cards',
  'optimizer.rescheduling': 'Rescheduling…',
  'optimizer.rescheduled':
    '{n} cards rescheduled; {kept} left as they were (already where the new parameters put them, or their history is not all here).',
  'optimizer.rescheduled#one':
    '{n} card rescheduled; {kept} left as they were (already where the new parameters put them, or their history is not all here).',
  'optimizer.rescheduleFailed': 'Rescheduling failed: {reason}. Nothing changed.',
};

export type OptimizerMessageKey = BaseKey<keyof typeof en>;

const zh: Record<OptimizerMessageKey, string> = {
  'optimizer.title': '优化 FSRS 参数',
  'optimizer.intro':
    'FSRS 依据一组适合普通学习者的参数预测你何时遗忘一张卡片。用你自己的复习记录训练后，参数就贴合你：间隔跟随你真实的遗忘速度。训练在本浏览器中进行，数据不会离开。',
  'optimizer.scope': '参数适用于',
  'optimizer.global': '所有角色（没有自己参数的角色使用这些）',
  'optimizer.counting': '正在统计你的复习…',
  'optimizer.reviews': '{n} 次复习计入（与上一次不在同一天的复习，共 {cards} 张卡片）。',
  'optimizer.few':
    '少于 {n} 次复习：拟合出的参数大多反映偶然。继续复习，以后再优化；无论如何，只有预测更准的结果才会被采用。',
  'optimizer.none': '还没有可供学习的复习记录。',
  'optimizer.start': '优化',
  'optimizer.cancel': '取消',
  'optimizer.cancelled': '已取消：没有任何改变。',
  'optimizer.training': '正在用你的复习记录训练…',
  'optimizer.progress': '第 {done} 步，共 {total} 步',
  'optimizer.stage.reading': '正在读取复习记录。',
  'optimizer.stage.loading': '正在启动优化器。',
  'optimizer.stage.training': '正在拟合参数。',
  'optimizer.stage.scoring': '正在比较新参数与当前参数。',
  'optimizer.failed': '优化失败：{reason}。没有任何改变。',
  'optimizer.threadsFailed':
    '优化器未能启动：浏览器没有运行它的线程。没有任何改变。请点“优化”重试；如果仍然失败，请重新加载页面。',
  'optimizer.unavailable':
    '优化器无法在此运行：它需要页面处于跨源隔离状态（以使用 SharedArrayBuffer），而服务器没有发送 Cross-Origin-Opener-Policy: same-origin 和 Cross-Origin-Embedder-Policy: require-corp 响应头。你的复习仍使用现有参数。',
  'optimizer.reloadToEnable':
    '优化器需要页面处于跨源隔离状态（以使用 SharedArrayBuffer），而服务器没有发送相应的响应头。本应用的离线副本会补上这些响应头：重新加载页面后即可使用优化器。',
  'optimizer.result': '结果',
  'optimizer.current': '当前使用的参数',
  'optimizer.fitted': '新拟合的参数',
  'optimizer.logLoss': '对数损失（越低越好）',
  'optimizer.rmse': '分组回忆率的均方根误差',
  'optimizer.within': '对你回忆率的预测误差在 ±{p} % 以内',
  'optimizer.adopted': '已采用：新参数对你复习结果的预测更准。从下一张卡片起，它们为该范围的卡片排程。',
  'optimizer.kept': '保留当前参数：新参数的预测并没有更准。',
  'optimizer.inUse': '当前使用：{what}',
  'optimizer.defaults': 'FSRS 默认参数',
  'optimizer.globalInUse': '所有角色的参数',
  'optimizer.own': '{date} 拟合的参数',
  'optimizer.reset': '恢复默认',
  'optimizer.resetDone': '从下一张卡片起恢复默认参数。',
  'optimizer.history': '历史',
  'optimizer.historyNone': '尚未优化。',
  'optimizer.when': '时间',
  'optimizer.on': '复习数',
  'optimizer.before': '之前',
  'optimizer.after': '拟合',
  'optimizer.outcome': '结果',
  'optimizer.outcomeAdopted': '已采用',
  'optimizer.outcomeKept': '未更准，已保留',
  'optimizer.outcomeDefaults': '恢复默认',
  'optimizer.score': '{loss} · ±{p} %',
  'optimizer.rescheduleTitle': '立即重新安排卡片（可选）',
  'optimizer.rescheduleIntro':
    '新参数从每张卡片的下一次复习起生效；在此之前，卡片保留旧参数给出的到期日。重新安排会用新参数重放每张已学卡片（{which}）的复习记录，并采用新参数给出的到期日：有些会提前，有些会推后。操作前会先把你的数据保存为自动快照，可在“数据”页回滚。',
  'optimizer.rescheduleRole': '此角色的',
  'optimizer.rescheduleGlobal': '所有没有自己参数的角色的',
  'optimizer.reschedule': '重新安排卡片',
  'optimizer.rescheduling': '正在重新安排…',
  'optimizer.rescheduled':
    '已重新安排 {n} 张卡片；{kept} 张保持不变（已在新参数给出的位置，或其复习记录不完整）。',
  'optimizer.rescheduleFailed': '重新安排失败：{reason}。没有任何改变。',
};

export const optimizerMessages: Record<Language, Record<OptimizerMessageKey, string>> = { en, zh };
