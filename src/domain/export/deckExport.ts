import type { CardRecord, DeckRecord } from '../deck/records';
import type { Deck, DeckCard } from '../deck/schema';
import { formatRow } from '../import/delimited';
import { markdownToAnkiHtml } from './ankiHtml';

const content = ({ deckId: _d, position: _p, hash: _h, retired: _r, ...card }: CardRecord): DeckCard => card;

/** A stored deck back in the app's deck format: the cards it holds now, in deck order. */
export function deckToJson(deck: DeckRecord, cards: readonly CardRecord[]): Deck {
  const live = cards.filter((c) => !c.retired).sort((a, b) => a.position - b.position);
  return {
    id: deck.id,
    version: deck.version,
    title: deck.title,
    description: deck.description,
    ...(Object.keys(deck.topics).length ? { topics: deck.topics } : {}),
    cards: live.map(content),
  };
}

export const deckToJsonText = (deck: DeckRecord, cards: readonly CardRecord[]): string =>
  `${JSON.stringify(deckToJson(deck, cards), null, 2)}\n`;

/**
 * Anki's "Notes in Plain Text" format: the header tells Anki the separator, that fields are HTML
 * (the Markdown rendered, math in MathJax's delimiters), which column holds the tags and which the GUID. The GUID is the card
 * id, so importing the file again updates the same notes instead of duplicating them.
 */
export function deckToAnkiTsv(deck: DeckRecord, cards: readonly CardRecord[], lang: 'en' | 'zh'): string {
  const header = [
    '#separator:tab',
    '#html:true',
    '#tags column:3',
    '#guid column:4',
    `#columns:${['Front', 'Back', 'Tags', 'GUID'].join('\t')}`,
  ];
  const rows = deckToJson(deck, cards).cards.map((card) =>
    formatRow(
      [
        markdownToAnkiHtml(card.question[lang]),
        markdownToAnkiHtml(card.answer[lang]),
        card.tags.join(' '),
        card.id,
      ],
      '\t',
    ),
  );
  return `${[...header, ...rows].join('\n')}\n`;
}
