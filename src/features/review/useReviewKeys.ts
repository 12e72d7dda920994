import { useEffect } from 'react';
import type { Flag, Rating } from '../../domain/scheduling/types';
import { keyPointIndex } from '../../components/keyPointKeys';

interface Handlers {
  reveal: () => void;
  rate: (rating: Rating) => void;
  undo: () => void;
  /** Enter once revealed: the rating the key points suggest, if the card has any. */
  accept: () => void;
  toggleTick: (index: number) => void;
  toggleAnswer: () => void;
  bury?: () => void;
  suspend?: () => void;
  flag?: (flag: Flag) => void;
  editNote?: () => void;
}

/** Controls that take typed text keep their keys; checkboxes, buttons and links do not. */
const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time']);
export const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    (target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type)));

/**
 * Space reveals, Enter reveals or accepts the suggested rating, 1–4 rate, Q W E R T tick key
 * points, A opens or closes the model answer, U or Ctrl/Cmd+Z undoes; - buries, @ suspends,
 * Ctrl+1…7 flag, N edits the card's note (as in Anki). They work whatever
 * non-text control has focus, and never also act on that control (a focused checkbox is not toggled).
 */
export function useReviewKeys(handlers: Handlers) {
  const { reveal, rate, undo, accept, toggleTick, toggleAnswer, bury, suspend, flag, editNote } = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.altKey || e.repeat) return;
      const isUndo = (e.key === 'z' || e.key === 'Z') && (e.ctrlKey || e.metaKey);
      if (isUndo || ((e.key === 'u' || e.key === 'U') && !e.ctrlKey && !e.metaKey)) {
        e.preventDefault();
        undo();
        return;
      }
      const flagKey = /^Digit[1-7]$/.test(e.code) ? Number(e.code.slice(5)) : 0;
      if (e.ctrlKey && !e.metaKey && flagKey && flag) {
        e.preventDefault();
        flag(flagKey as Flag);
        return;
      }
      if (e.ctrlKey || e.metaKey) return;
      const action =
        e.key === '-' ? bury : e.key === '@' ? suspend : e.code === 'KeyN' ? editNote : undefined;
      if (action) {
        e.preventDefault();
        action();
        return;
      }
      const point = keyPointIndex(e.code);
      if (e.key === ' ') {
        e.preventDefault();
        reveal();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        reveal();
        accept();
      } else if (['1', '2', '3', '4'].includes(e.key)) {
        e.preventDefault();
        rate(Number(e.key) as Rating);
      } else if (point >= 0) {
        e.preventDefault();
        toggleTick(point);
      } else if (e.code === 'KeyA') {
        e.preventDefault();
        toggleAnswer();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [reveal, rate, undo, accept, toggleTick, toggleAnswer, bury, suspend, flag, editNote]);
}
