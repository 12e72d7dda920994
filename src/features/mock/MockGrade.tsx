import { useState } from 'react';
import type { CardRecord } from '../../domain/deck/records';
import type { FollowUpGrade } from '../../domain/mock/mockInterview';
import { KeyPointsChecklist } from '../../components/KeyPointsChecklist';
import { Markdown } from '../../components/markdown/Markdown';
import { useDb } from '../../components/DbContext';
import { CardNoteView } from '../../components/notes/CardNoteView';
import { useCardNote } from '../../components/notes/useCardNote';
import type { MockMessageKey } from './messages';

/** After the answer: which key points were said, the model answer on demand, then on. */
export function MockGrade({
  card,
  ticked,
  both,
  lang,
  recordingUrl,
  isLast,
  t,
  onToggle,
  onNext,
  onFollowUp,
}: {
  card: CardRecord;
  ticked: readonly number[];
  both: boolean;
  lang: 'en' | 'zh';
  recordingUrl: string | null;
  isLast: boolean;
  t: (key: MockMessageKey) => string;
  onToggle: (i: number) => void;
  onNext: () => void;
  onFollowUp: (() => void) | null;
}) {
  const [open, setOpen] = useState(false);
  const note = useCardNote(useDb(), card.id, null);
  return (
    <section className="mock-grade" aria-label={t('mock.gradeTitle')}>
      <h2>{t('mock.gradeTitle')}</h2>
      <div className="mock-question">
        <Markdown text={card.question[lang]} lang={lang} />
      </div>
      {recordingUrl && (
        <p>
          {t('mock.playback')}: <audio controls src={recordingUrl} />
        </p>
      )}
      <KeyPointsChecklist points={card.keyPoints ?? []} ticked={ticked} both={both} onToggle={onToggle} />
      <details className="model-answer" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('review.modelAnswer' as MockMessageKey)}</summary>
        <Markdown text={card.answer[lang]} lang={lang} />
      </details>
      <CardNoteView note={note} />
      <div className="mock-actions">
        {onFollowUp && <button onClick={onFollowUp}>{t('mock.askFollowUp')}</button>}
        <button className="primary" onClick={onNext}>
          {t(isLast ? 'mock.finish' : 'mock.next')} <kbd className="key-hint">Enter</kbd>
        </button>
      </div>
    </section>
  );
}

/** The follow-up is graded in one step. */
export function FollowUpGradeView({
  t,
  onGrade,
}: {
  t: (key: MockMessageKey) => string;
  onGrade: (grade: FollowUpGrade) => void;
}) {
  const grades: [FollowUpGrade, MockMessageKey][] = [
    ['well', 'mock.well'],
    ['partly', 'mock.partly'],
    ['not', 'mock.not'],
  ];
  return (
    <section className="mock-grade" aria-label={t('mock.followUpGrade')}>
      <h2>{t('mock.followUpGrade')}</h2>
      <div className="mock-actions" role="group" aria-label={t('mock.followUpGrade')}>
        {grades.map(([g, label], i) => (
          <button key={g} onClick={() => onGrade(g)}>
            {t(label)} <kbd className="key-hint">{i + 1}</kbd>
          </button>
        ))}
      </div>
    </section>
  );
}
