/**
 * The languages the app speaks, their own names, the Intl locale each one formats with, and the
 * choice of a start language from the browser's preferences. Pure: no DOM.
 */

/** The app's languages, in the picker's order. English is the fallback of every text. */
export const APP_LANGUAGES = ['en', 'de', 'ru', 'az'] as const;
export type AppLanguage = (typeof APP_LANGUAGES)[number];

/**
 * The pseudo-locale for tests: every catalogue string and every scenario text wrapped in ⟦…⟧, so a
 * test can find visible text that does not come from the catalogue. Never offered in the picker.
 */
export const PSEUDO_LANGUAGE = 'qps';

/** Each language in its own name, as the picker shows it. */
export const LANGUAGE_NAMES: Readonly<Record<AppLanguage, string>> = {
  en: 'English',
  de: 'Deutsch',
  ru: 'Русский',
  az: 'Azərbaycanca',
};

const INTL_LOCALES: Readonly<Record<string, string>> = { en: 'en-GB', de: 'de-DE', ru: 'ru-RU', az: 'az-Latn-AZ' };

/** The BCP 47 locale `Intl` formats a language's numbers and dates with (English for unknown codes and the pseudo-locale). */
export function intlLocale(lang: string): string {
  return INTL_LOCALES[lang] ?? 'en-GB';
}

export function isAppLanguage(lang: string): lang is AppLanguage {
  return (APP_LANGUAGES as readonly string[]).includes(lang);
}

/** A language the UI can be set to: one of the app's, or the pseudo-locale (tests; not in the picker). */
export function isUiLanguage(lang: string): boolean {
  return isAppLanguage(lang) || lang === PSEUDO_LANGUAGE;
}

/**
 * The first of the browser's preferred languages (`navigator.languages`, e.g. ["ru-RU", "en"]) that
 * the app has, matched on the primary subtag; English when none.
 */
export function preferredLanguage(preferences: readonly string[], available: readonly string[] = APP_LANGUAGES): string {
  for (const tag of preferences) {
    const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if (available.includes(primary)) return primary;
  }
  return 'en';
}

const displayNames = new Map<string, string>();

/** A language's name in the UI language ("Russian", "Russisch"); the code itself when Intl does not know it. */
export function languageName(code: string, uiLang: string): string {
  const key = `${uiLang}:${code}`;
  let name = displayNames.get(key);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([intlLocale(uiLang), 'en'], { type: 'language' }).of(code) ?? code;
    } catch {
      name = code;
    }
    displayNames.set(key, name);
  }
  return name;
}
