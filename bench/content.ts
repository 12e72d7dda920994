import { cardTypes, type Deck, type DeckCard, type Localized } from '../src/domain/deck/schema';
import { int, mulberry32, pick, subSeed, type Rng } from './prng';

/** Synthetic decks never share an id with a bundled deck, so the app's boot sync leaves them alone. */
export const syntheticDeckId = (i: number) => `synthetic-${String(i + 1).padStart(2, '0')}`;

const words = (
  'attention token embedding gradient batch layer cache latency throughput shard replica model ' +
  'retrieval index vector query prompt context window decoder encoder loss optimizer schedule ' +
  'checkpoint tensor kernel memory bandwidth precision quantization pipeline stage expert router ' +
  'sampling temperature beam logit softmax norm residual dropout warmup learning rate scaling law ' +
  'dataset filter dedup tokenizer vocabulary eval benchmark metric recall precision reranker chunk ' +
  'agent tool planner reward policy preference critic rollout safety guardrail monitor drift canary ' +
  'feature store lineage schema partition stream queue backpressure retry timeout budget cost'
).split(' ');

const zhPhrases = (
  '注意力 词元 嵌入 梯度 批次 缓存 延迟 吞吐 分片 副本 检索 索引 向量 提示词 上下文 解码器 编码器 ' +
  '损失 优化器 检查点 张量 显存 带宽 精度 量化 流水线 专家 路由 采样 温度 归一化 残差 学习率 数据集 ' +
  '去重 分词器 评测 指标 召回 重排 智能体 工具 奖励 策略 偏好 安全 监控 漂移 特征 分区 重试 超时 成本'
).split(' ');

const maths = ['$O(n^2 d)$', '$\\sqrt{d_k}$', '$p(y \\mid x)$', '$\\eta \\cdot g_t$', '$2 \\times 10^{-4}$'];
const tagPool = ['llm', 'systems', 'math', 'scaling', 'latency', 'quality', 'cost', 'ops', 'data', 'eval'];

function sentence(rnd: Rng, min = 8, max = 18): string {
  const n = int(rnd, min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(rnd, words));
  const s = out.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

const zhSentence = (rnd: Rng, min = 6, max = 14) => {
  const n = int(rnd, min, max);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rnd, zhPhrases) + (i % 4 === 3 ? '，' : '');
  return s + '。';
};

function answer(rnd: Rng): Localized {
  const items = int(rnd, 3, 5);
  const en = [`**Core idea:** ${sentence(rnd)} ${sentence(rnd)}`, ''];
  const zh = [`**核心：** ${zhSentence(rnd)}${zhSentence(rnd)}`, ''];
  for (let i = 1; i <= items; i++) {
    en.push(`${i}. **${pick(rnd, words)}** – ${sentence(rnd, 6, 14)}`);
    zh.push(`${i}. **${pick(rnd, zhPhrases)}**：${zhSentence(rnd)}`);
  }
  if (rnd() < 0.2) {
    const m = pick(rnd, maths);
    en.push('', `The cost grows as ${m}; ${sentence(rnd, 5, 10)}`);
    zh.push('', `开销按 ${m} 增长；${zhSentence(rnd)}`);
  }
  if (rnd() < 0.1) {
    const code = ['```python', `def ${pick(rnd, words)}(x):`, `    return x * ${int(rnd, 2, 9)}`, '```'];
    en.push('', ...code);
    zh.push('', ...code);
  }
  en.push('', `**What a strong candidate adds:** ${sentence(rnd)}`);
  zh.push('', `**加分点：** ${zhSentence(rnd)}`);
  return { en: en.join('\n'), zh: zh.join('\n') };
}

function card(rnd: Rng, deckId: string, position: number, topics: string[]): DeckCard {
  const topic = pick(rnd, topics);
  const c: DeckCard = {
    id: `${deckId}.c${String(position).padStart(5, '0')}-${topic}`,
    topic,
    tags: [pick(rnd, tagPool), pick(rnd, tagPool)].filter((t, i, a) => a.indexOf(t) === i),
    difficulty: int(rnd, 1, 3) as 1 | 2 | 3,
    type: pick(rnd, cardTypes),
    question: { en: `${sentence(rnd, 10, 20).slice(0, -1)}?`, zh: `${zhSentence(rnd).slice(0, -1)}？` },
    answer: answer(rnd),
  };
  if (rnd() < 0.4) c.pitfalls = { en: sentence(rnd), zh: zhSentence(rnd) };
  if (rnd() < 0.3)
    c.followUps = [{ en: `${sentence(rnd, 6, 12).slice(0, -1)}?`, zh: `${zhSentence(rnd)}？` }];
  if (rnd() < 0.2) c.references = [{ title: sentence(rnd, 3, 6), url: `https://example.org/${topic}` }];
  return c;
}

/** Deck `i` of `decks`, with `cards` cards; its content depends only on (seed, i, cards). */
export function syntheticDeck(seed: number, i: number, cards: number): Deck {
  const id = syntheticDeckId(i);
  const rnd = mulberry32(subSeed(seed, 'deck', i));
  const topicSlugs = Array.from({ length: 10 }, (_, k) => `topic-${k + 1}`);
  const topics = Object.fromEntries(
    topicSlugs.map((t, k) => [t, { en: `Topic ${k + 1}`, zh: `主题 ${k + 1}` }]),
  );
  return {
    id,
    version: 1,
    title: { en: `Synthetic role ${i + 1}`, zh: `合成角色 ${i + 1}` },
    description: { en: 'Generated for the benchmark.', zh: '为基准测试生成。' },
    topics,
    cards: Array.from({ length: cards }, (_, position) => card(rnd, id, position, topicSlugs)),
  };
}

/** How many of `total` cards deck `i` of `decks` gets (the first decks take the remainder). */
export const deckSize = (total: number, decks: number, i: number) =>
  Math.floor(total / decks) + (i < total % decks ? 1 : 0);
