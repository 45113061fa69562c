/** Who is at the keyboard, and whose authority the script runs under. */
import { services } from './services';

function lower(email: string | null | undefined): string {
  return (email ?? '').trim().toLowerCase();
}

/**
 * The person running an action from the menu or the sidebar, lower case (1 call, 2 when the
 * active user is blank). There the add-on runs as the person who clicked, so the effective user
 * is the same person and stands in when the active one is withheld. Not for triggers: an
 * installable trigger runs as its creator, who is not the person whose edit fired it.
 */
export function currentUserEmail(): string {
  const s = services().session;
  return lower(s.getActiveUser().getEmail()) || lower(s.getEffectiveUser().getEmail());
}

/**
 * Who made the edit that fired a trigger: e.user (the active user as Google shows it; asked of
 * Session only when the event has none, 1 call), and "" when Google does not say (consumer
 * accounts, another domain): never the trigger's creator standing in for them.
 */
export function editorEmail(e: { user?: { getEmail?: () => string } | null } | null | undefined): string {
  if (e?.user && typeof e.user.getEmail === 'function') return lower(e.user.getEmail());
  return lower(services().session.getActiveUser().getEmail());
}

/** Whose authority the script runs under: in a trigger, its creator (1 call). */
export function effectiveUserEmail(): string {
  return lower(services().session.getEffectiveUser().getEmail());
}
