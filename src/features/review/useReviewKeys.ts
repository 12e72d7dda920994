import { useEffect } from 'react';
import type { Rating } from '../../domain/scheduling/types';

interface Handlers {
  reveal: () => void;
  rate: (rating: Rating) => void;
  undo: () => void;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Space or Enter reveals, 1–4 rate, U or Ctrl/Cmd+Z undoes. */
export function useReviewKeys({ reveal, rate, undo }: Handlers) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.altKey) return;
      const isUndo = (e.key === 'z' || e.key === 'Z') && (e.ctrlKey || e.metaKey);
      if (isUndo || ((e.key === 'u' || e.key === 'U') && !e.ctrlKey && !e.metaKey)) {
        e.preventDefault();
        undo();
        return;
      }
      if (e.ctrlKey || e.metaKey) return;
      if (e.key === ' ' || e.key === 'Enter') {
        // A focused button would also "click" on Space/Enter; handle the key once, here.
        e.preventDefault();
        reveal();
      } else if (['1', '2', '3', '4'].includes(e.key)) {
        e.preventDefault();
        rate(Number(e.key) as Rating);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [reveal, rate, undo]);
}
