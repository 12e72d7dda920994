/**
 * A printout shows what a disclosure hides on screen (the answer, pitfalls, a role's cards): every
 * closed `<details>` opens for printing and closes again after.
 */
export function openDetailsWhilePrinting(): () => void {
  let opened: HTMLDetailsElement[] = [];
  const before = () => {
    opened = [...document.querySelectorAll<HTMLDetailsElement>('details:not([open])')];
    for (const d of opened) d.open = true;
  };
  const after = () => {
    for (const d of opened) d.open = false;
    opened = [];
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
  };
}
