import { defaultRoleSettings, type RoleSettings, type Settings } from '../settings/settings';

/**
 * Settings as fields: each setting is one (`language`, `desiredRetention`…), and each role's
 * settings one per role and setting (`roles.rag.interviewDate`), so an interview date set on the
 * phone and a new-card limit changed on the laptop both survive.
 */
export function settingsToFields(settings: Settings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) if (key !== 'roles') out[key] = value;
  for (const [deckId, role] of Object.entries(settings.roles))
    for (const [key, value] of Object.entries(role)) out[`roles.${deckId}.${key}`] = value;
  return out;
}

/** The default of every field `settings` has, as a field that holds it would be no edit. */
export const defaultFields = (settings: Settings, defaults: Settings): Record<string, unknown> =>
  settingsToFields({
    ...defaults,
    roles: Object.fromEntries(
      Object.keys(settings.roles).map((id) => [id, defaultRoleSettings(id === 'fundamentals')]),
    ),
  });

/** The settings the fields give, over `base` for whatever they do not name. */
export function settingsFromFields(fields: Record<string, unknown>, base: Settings): Settings {
  const top: Record<string, unknown> = { ...base };
  const roles: Record<string, Record<string, unknown>> = Object.fromEntries(
    Object.entries(base.roles).map(([id, r]) => [id, { ...r }]),
  );
  for (const [path, value] of Object.entries(fields)) {
    const parts = path.split('.');
    if (parts[0] === 'roles' && parts.length === 3) {
      const [, deckId, key] = parts as [string, string, string];
      roles[deckId] ??= { ...defaultRoleSettings(deckId === 'fundamentals') };
      roles[deckId][key] = value;
    } else if (parts.length === 1 && path !== 'roles' && path in base) top[path] = value;
  }
  return { ...(top as unknown as Settings), roles: roles as unknown as Record<string, RoleSettings> };
}
