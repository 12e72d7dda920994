import './notes.css';
import type { CardNote } from '../../domain/cards/note';
import { Markdown } from '../markdown/Markdown';
import { useT } from '../useT';

/** The user's own note on a card, through the same safe Markdown renderer as the cards. */
export function CardNoteView({ note }: { note: CardNote | undefined }) {
  const { t } = useT();
  if (!note) return null;
  return (
    <section className="card-note" aria-label={t('card.note')}>
      <h3>{t('card.note')}</h3>
      <Markdown text={note.text} />
    </section>
  );
}
