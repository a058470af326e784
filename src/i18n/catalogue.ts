/**
 * The one message catalogue of the UI: every word the app writes itself, by language, in sections
 * (app, presenter, files, sources, …). English is the reference: the type of every other language
 * is English's shape, so a missing key fails to compile, and a unit test checks it again at run time.
 * Scenario texts (steps, places, claims) come from the scenario file, not from here.
 */
import { az } from './az';
import { de } from './de';
import { en } from './en';
import type { Catalogue, Section } from './catalogueType';
import { fill, plural, type Plural, type Values } from './fill';
import { PSEUDO_LANGUAGE } from './languages';
import { ru } from './ru';

export type { Catalogue, Section };

const CATALOGUES: Readonly<Record<string, Catalogue>> = { en, de, ru, az };

/** Marks the pseudo-locale puts around every catalogue string (and scenario text). */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

export function pseudo(text: string): string {
  return text === '' ? text : `${PSEUDO_OPEN}${text}${PSEUDO_CLOSE}`;
}

function wrapped<T>(value: T): T {
  if (typeof value === 'string') return pseudo(value) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, wrapped(v)])) as T;
  return value;
}

let pseudoCatalogue: Catalogue | undefined;

/** The catalogue of a language; English for an unknown one; the wrapped English for the pseudo-locale. */
export function catalogue(lang: string): Catalogue {
  if (lang === PSEUDO_LANGUAGE) return (pseudoCatalogue ??= wrapped(en as Catalogue));
  return CATALOGUES[lang] ?? en;
}

/** Every language that has a catalogue (the pseudo-locale aside). */
export function catalogueLanguages(): readonly string[] {
  return Object.keys(CATALOGUES);
}

/** One message of a section, `{name}` slots filled. */
export function message<S extends Section>(lang: string, section: S, key: keyof Catalogue[S] & string, values?: Values): string {
  const entry = (catalogue(lang)[section] as Readonly<Record<string, string | Plural>>)[key];
  if (entry === undefined) return key;
  if (typeof entry === 'string') return fill(entry, values);
  return plural(lang, entry, Number(values?.n ?? 0), values);
}

/** A text to be said in whichever language the reader has chosen by the time it is shown. */
export type Say = (lang: string) => string;

/** A message of a section as a `Say`: worded when shown, so a language switch rewords it. */
export function say<S extends Section>(section: S, key: keyof Catalogue[S] & string, values?: Values): Say {
  return (lang) => message(lang, section, key, values);
}
