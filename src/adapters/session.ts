/** Who is at the keyboard. */
import { services } from './services';

/**
 * The current user's e-mail, lower case; "" when Apps Script withholds it (a consumer account
 * outside the owner's domain).
 */
export function currentUserEmail(): string {
  const s = services().session;
  const email = s.getActiveUser().getEmail() || s.getEffectiveUser().getEmail();
  return (email ?? '').trim().toLowerCase();
}
