/** Words of presenter mode and export: section `presenter` of the catalogue (src/i18n). */
import { message, type Catalogue } from '../../i18n/catalogue';
import type { Values } from '../../i18n/fill';

export type WordKey = keyof Catalogue['presenter'] & string;

export function word(lang: string, key: WordKey, vars?: Values): string {
  return message(lang, 'presenter', key, vars);
}
