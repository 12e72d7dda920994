import { useEffect } from 'react';
import { keyPointIndex } from '../../components/keyPointKeys';
import type { FollowUpGrade } from '../../domain/mock/mockInterview';
import type { Phase } from './useMockSession';

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number']);
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.tagName === 'SELECT' ||
    (target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type)));

const FOLLOW_UP_KEYS: Record<string, FollowUpGrade> = { '1': 'well', '2': 'partly', '3': 'not' };

/**
 * Keyboard-first interview. While answering: Enter says done (Ctrl/Cmd+Enter from the answer box,
 * where Enter is a new line), P pauses. Grading: Q W E R T tick key points, A opens the model
 * answer, Enter moves on. The follow-up is graded with 1–3.
 */
export function useMockKeys(h: {
  phase: Phase | null;
  done: () => void;
  pause: () => void;
  tick: (i: number) => void;
  next: () => void;
  gradeFollowUp: (g: FollowUpGrade) => void;
  toggleAnswer: () => void;
}) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!h.phase || e.altKey || e.repeat || isTyping(e.target)) return;
      const inBox = e.target instanceof HTMLTextAreaElement;
      const asking = h.phase === 'question' || h.phase === 'followUp';
      if (asking && e.key === 'Enter' && (!inBox || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        h.done();
      } else if (inBox || e.ctrlKey || e.metaKey) {
        return;
      } else if (asking && (e.key === 'p' || e.key === 'P')) {
        e.preventDefault();
        h.pause();
      } else if (h.phase === 'grade' && keyPointIndex(e.code) >= 0) {
        e.preventDefault();
        h.tick(keyPointIndex(e.code));
      } else if (h.phase === 'grade' && e.code === 'KeyA') {
        e.preventDefault();
        h.toggleAnswer();
      } else if (h.phase === 'grade' && e.key === 'Enter') {
        e.preventDefault();
        h.next();
      } else if (h.phase === 'followUpGrade' && FOLLOW_UP_KEYS[e.key]) {
        e.preventDefault();
        h.gradeFollowUp(FOLLOW_UP_KEYS[e.key]!);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [h]);
}
