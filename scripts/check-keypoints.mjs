// Checks the key points of one or more decks: `node scripts/check-keypoints.mjs decks/rag.json …`.
// The deck tests enforce the same rules; this is the quick loop for whoever writes them.
import { readFileSync } from 'node:fs';

const words = (s) => s.split(/\s+/).filter(Boolean).length;
let bad = 0;
for (const file of process.argv.slice(2)) {
  const deck = JSON.parse(readFileSync(file, 'utf8'));
  let missing = 0;
  for (const card of deck.cards) {
    const kp = card.keyPoints;
    const problems = [];
    if (!kp) {
      missing++;
      continue;
    }
    if (kp.length < 3 || kp.length > 5) problems.push(`${kp.length} key points (3–5)`);
    kp.forEach((p, i) => {
      if (!p.en?.trim() || !p.zh?.trim()) problems.push(`#${i + 1} lacks a language`);
      else {
        if (words(p.en) > 20) problems.push(`#${i + 1} has ${words(p.en)} English words (≤ 20)`);
        if (p.zh.length > 80) problems.push(`#${i + 1} has ${p.zh.length} Chinese characters (≤ 80)`);
        if (/\n/.test(p.en + p.zh)) problems.push(`#${i + 1} spans lines`);
      }
    });
    if (card.type !== 'derivation' && words(card.answer.en) > 250)
      problems.push(`answer has ${words(card.answer.en)} English words (≤ 250 unless a derivation)`);
    if (problems.length) {
      bad++;
      console.log(`${card.id}: ${problems.join('; ')}`);
    }
  }
  console.log(`${file}: ${deck.cards.length} cards, ${missing} without key points`);
  bad += missing;
}
process.exit(bad ? 1 : 0);
