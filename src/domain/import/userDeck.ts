import { hashString } from '../deck/hash';
import { roleOrder } from '../roles';

/** Every imported deck's id starts with this, so it can never collide with a built-in role. */
export const USER_DECK_PREFIX = 'user-';

const builtin = new Set<string>(roleOrder);

export const isUserDeckId = (id: string): boolean => id.startsWith(USER_DECK_PREFIX) && !builtin.has(id);

/** Lowercase ASCII letters, digits and single hyphens; accents are folded, other scripts dropped. */
export function slugify(text: string, max = 40): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}

/**
 * The deck id for a name the user picks: the same name always gives the same id, which is how
 * re-importing an updated deck finds the deck it updates. A name with no Latin letters
 * (e.g. Chinese) gets a stable hash instead.
 */
export function userDeckId(name: string): string {
  const trimmed = name.trim();
  const slug = slugify(trimmed) || `deck-${hashString(trimmed).slice(0, 8)}`;
  return `${USER_DECK_PREFIX}${slug}`;
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The part of a card id that survives a move to another deck: `rag.chunking` → `chunking`.
 * Anything else (an Anki GUID) becomes a stable hash of it.
 */
export function cardSlug(key: string): string {
  const dot = key.indexOf('.');
  const tail = dot >= 0 ? key.slice(dot + 1) : key;
  if (slugPattern.test(tail) && tail.length <= 70) return tail;
  return `c${hashString(key)}`;
}

export const cardIdIn = (deckId: string, key: string): string => `${deckId}.${cardSlug(key)}`;

/** Without an id column a card is known by its front, as Anki matches notes by their first field. */
export const cardIdFromFront = (deckId: string, front: string): string => `${deckId}.c${hashString(front)}`;
