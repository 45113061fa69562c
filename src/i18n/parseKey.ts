/**
 * Marks text that the add-on also reads back from people's sheets: a Cấu hình row label, a unit
 * tab's header, a word it writes and later parses. Sheets made earlier hold the old text, so
 * changing one of these breaks them unless its parser still accepts the old form.
 * test/i18n/parseKeys.test.ts holds each to the text existing sheets have.
 */
export function parseKey(text: string): string;
export function parseKey(texts: string[]): string[];
export function parseKey<A extends unknown[]>(template: (...args: A) => string): (...args: A) => string;
export function parseKey<T>(text: T): T {
  return text;
}
