import type { Localized } from '../../domain/deck/schema';
import { roleOrder } from '../../domain/roles';

export interface WelcomeRole {
  id: string;
  title: Localized;
}

type BundledTitle = { id: string; title?: { en?: unknown; zh?: unknown } };

const hasTitle = (d: BundledTitle): d is WelcomeRole =>
  typeof d.title?.en === 'string' && typeof d.title.zh === 'string';

const rank = (id: string) => {
  const i = (roleOrder as readonly string[]).indexOf(id);
  return i === -1 ? roleOrder.length : i;
};

/**
 * The roles the welcome offers: every bundled deck from the build's list of titles, so the list is
 * whole at once on a first visit while the decks are still being stored (a list that grew as they
 * arrived moved the buttons beneath it), and any stored deck besides (an imported one), with the
 * stored titles where a deck is in both. In the order the app lists roles.
 */
export function welcomeRoles(
  bundled: readonly BundledTitle[],
  stored: readonly WelcomeRole[],
): WelcomeRole[] {
  const byId = new Map<string, WelcomeRole>(bundled.filter(hasTitle).map((d) => [d.id, d]));
  for (const d of stored) byId.set(d.id, { id: d.id, title: d.title });
  return [...byId.values()].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}
