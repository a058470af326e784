/** The app's own words (section `app` of the catalogue in src/i18n); scenario text comes from the scenario file. */
import { message, type Catalogue } from '../i18n/catalogue';
import type { Values } from '../i18n/fill';

export { LANGUAGE_NAMES } from '../i18n/languages';

export type UiKey = keyof Catalogue['app'] & string;

export function t(lang: string, key: UiKey, vars?: Values): string {
  return message(lang, 'app', key, vars);
}
