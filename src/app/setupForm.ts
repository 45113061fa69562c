/** Khởi tạo from the sidebar's form: checked on the server, then the ordinary set-up. */
import { formText } from '../i18n/form';
import { configFromForm, type SetupForm } from '../workbook/form';
import type { ActionResult } from './result';
import { setupYear } from './setup';

/**
 * Sets up a year from the set-up form; a form with problems is refused, naming each. Typed for
 * the sidebar's compile-time link (src/client/api.ts); checked as untrusted input all the same.
 */
export function setupFromForm(form: SetupForm): ActionResult {
  const { config, problems } = configFromForm(form);
  if (!config) return { ok: false, message: formText.refused(problems), problems: [] };
  return setupYear(config);
}
