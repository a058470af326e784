/** The words of opening, comparing and exporting flight files: section `files` of the catalogue (src/i18n). */
import { message, type Catalogue } from '../i18n/catalogue';

export type ImportWord = keyof Catalogue['files'] & string;

export function importWord(lang: string, key: ImportWord, values: Record<string, string | number> = {}): string {
  return message(lang, 'files', key, values);
}
