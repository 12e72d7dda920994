import './notes.css';
import { useState } from 'react';
import { NOTE_MAX_CHARS } from '../../domain/cards/note';
import { formatNumber } from '../../i18n/format';
import { useT } from '../useT';

/**
 * Edits the user's note on a card. Ctrl+Enter saves, Escape cancels. A note over the length
 * limit is refused here, by name, and nothing is saved.
 */
export function NoteEditor({
  initial,
  onSave,
  onCancel,
}: {
  initial: string;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useT();
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const save = () => {
    if (text.length > NOTE_MAX_CHARS) {
      setProblem(
        t('card.noteTooLong', {
          n: formatNumber(text.length, lang),
          max: formatNumber(NOTE_MAX_CHARS, lang),
        }),
      );
      return;
    }
    onSave(text);
  };
  return (
    <form
      className="note-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label>
        {t('card.noteLabel')}
        <textarea
          autoFocus
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              onCancel();
            } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              save();
            }
          }}
        />
      </label>
      {problem && <p role="alert">{problem}</p>}
      <div className="note-editor-buttons">
        <button type="submit" className="primary">
          {t('card.saveNote')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('card.cancel')}
        </button>
      </div>
    </form>
  );
}
