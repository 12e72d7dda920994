import { useEffect } from 'react';
import type { Rating } from '../../domain/scheduling/types';
import { keyPointIndex } from '../../components/keyPointKeys';

interface Handlers {
  reveal: () => void;
  rate: (rating: Rating) => void;
  undo: () => void;
  /** Enter once revealed: the rating the key points suggest, if the card has any. */
  accept: () => void;
  toggleTick: (index: number) => void;
  toggleAnswer: () => void;
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
 * points, A opens or closes the model answer, U or Ctrl/Cmd+Z undoes. They work whatever
 * non-text control has focus, and never also act on that control (a focused checkbox is not toggled).
 */
export function useReviewKeys({ reveal, rate, undo, accept, toggleTick, toggleAnswer }: Handlers) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.altKey || e.repeat) return;
      const isUndo = (e.key === 'z' || e.key === 'Z') && (e.ctrlKey || e.metaKey);
      if (isUndo || ((e.key === 'u' || e.key === 'U') && !e.ctrlKey && !e.metaKey)) {
        e.preventDefault();
        undo();
        return;
      }
      if (e.ctrlKey || e.metaKey) return;
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
  }, [reveal, rate, undo, accept, toggleTick, toggleAnswer]);
}
