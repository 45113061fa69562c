/** Khởi tạo from the sidebar's form: checked on the server, then the ordinary set-up. */
import { formText } from '../i18n/form';
import { configFromForm } from '../workbook/form';
import type { ActionResult } from './result';
import { setupYear } from './setup';

/** Sets up a year from the set-up form; a form with problems is refused, naming each field. */
export function setupFromForm(form: unknown): ActionResult {
  const { config, problems } = configFromForm(form);
  if (!config) return { ok: false, message: formText.refused(problems.join('; ')), problems: [] };
  return setupYear(config);
}
