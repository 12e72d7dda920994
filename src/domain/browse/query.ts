import type { Flag } from '../scheduling/types';

export const SORTS = ['due', 'stability', 'difficulty', 'lapses', 'lastReview', 'added'] as const;
export type BrowseSort = (typeof SORTS)[number];
export const STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type BrowseState = (typeof STATES)[number];
export const DUE = ['today', 'overdue'] as const;
export type BrowseDue = (typeof DUE)[number];

/** What the browser shows: a search and its filters, kept in the URL. */
export interface BrowseQuery {
  text: string;
  role: string | null;
  topic: string | null;
  state: BrowseState | null;
  suspended: boolean;
  buried: boolean;
  leech: boolean;
  /** 0: cards without a flag; null: any. */
  flag: Flag | 0 | null;
  due: BrowseDue | null;
  /** The card's authored difficulty (1–3). */
  difficulty: 1 | 2 | 3 | null;
  sort: BrowseSort;
  desc: boolean;
}

export const defaultQuery: BrowseQuery = {
  text: '',
  role: null,
  topic: null,
  state: null,
  suspended: false,
  buried: false,
  leech: false,
  flag: null,
  due: null,
  difficulty: null,
  sort: 'due',
  desc: false,
};

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : null;

const whole = (v: string | null, min: number, max: number): number | null => {
  const n = v === null || v === '' ? NaN : Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/** The query a URL holds; anything it does not understand is left at its default. */
export function queryFromParams(p: URLSearchParams): BrowseQuery {
  return {
    text: (p.get('q') ?? '').slice(0, 200),
    role: p.get('role') || null,
    topic: p.get('topic') || null,
    state: oneOf(STATES, p.get('state')),
    suspended: p.get('suspended') === '1',
    buried: p.get('buried') === '1',
    leech: p.get('leech') === '1',
    flag: whole(p.get('flag'), 0, 7) as Flag | 0 | null,
    due: oneOf(DUE, p.get('due')),
    difficulty: whole(p.get('difficulty'), 1, 3) as 1 | 2 | 3 | null,
    sort: oneOf(SORTS, p.get('sort')) ?? 'due',
    desc: p.get('desc') === '1',
  };
}

/** The URL search params of a query, defaults left out (a short, shareable address). */
export function queryToParams(q: BrowseQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.text) p.set('q', q.text);
  if (q.role) p.set('role', q.role);
  if (q.topic) p.set('topic', q.topic);
  if (q.state) p.set('state', q.state);
  if (q.suspended) p.set('suspended', '1');
  if (q.buried) p.set('buried', '1');
  if (q.leech) p.set('leech', '1');
  if (q.flag !== null) p.set('flag', String(q.flag));
  if (q.due) p.set('due', q.due);
  if (q.difficulty !== null) p.set('difficulty', String(q.difficulty));
  if (q.sort !== 'due') p.set('sort', q.sort);
  if (q.desc) p.set('desc', '1');
  return p;
}
