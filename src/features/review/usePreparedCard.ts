import { startTransition, useEffect, useState } from 'react';
import { prerenderMarkdown } from '../../components/markdown/Markdown';
import { other } from '../../components/localized';
import type { CardRecord } from '../../domain/deck/records';
import type { Language } from '../../i18n/translate';
import { upcomingCards, useReviewSession, whenIdle } from '../../state/reviewSession';

/**
 * While the user reads a card, the card likely to come next is prepared: its question parsed,
 * then rendered, hidden (CardSlots), in an idle moment, so a rating only has to show it. Then this
 * card's answer and the questions after the next are parsed. Returns the prepared card.
 */
export function usePreparedCard(
  card: CardRecord | undefined,
  lang: Language,
  both: boolean,
): CardRecord | null {
  const [prepared, setPrepared] = useState<CardRecord | null>(null);
  useEffect(() => {
    if (!card) return;
    let live = true;
    whenIdle(() => {
      if (!live) return;
      const langs = both ? [lang, other(lang)] : [lang];
      const [next, ...later] = upcomingCards(useReviewSession.getState().queue, card.id, Date.now());
      const questions = (cards: CardRecord[]) => cards.flatMap((c) => langs.map((l) => c.question[l]));
      void prerenderMarkdown(questions(next ? [next] : [])).then(() => {
        if (live && next) startTransition(() => setPrepared(next));
        return prerenderMarkdown([...langs.map((l) => card.answer[l]), ...questions(later)]);
      });
    });
    return () => {
      live = false;
    };
  }, [card, both, lang]);
  return prepared;
}
