/**
 * Marks text that the add-on also reads back from people's sheets: a Cấu hình row label, a unit
 * tab's header, a word it writes and later parses. Sheets made earlier hold the old text, so
 * changing one of these breaks them unless its parser still accepts the old form.
 * test/i18n/parseKeys.test.ts holds each to the text existing sheets have.
 *
 * A type, not a function: `'Tên cụm' as ParseKey` is erased by the build, so the sidebar still
 * bundles only the texts it uses (a call would keep every text object whole).
 */
export type ParseKey = string & { readonly __parseKey?: true };
