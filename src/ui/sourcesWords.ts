/** The words of the sources view and the caption's tier badges: sections `sources`, `tiers`, `uses` of the catalogue (src/i18n). */
import type { SourceTierName } from '../scenario/sourceTiers';
import type { OtherUse } from '../app/sourceIndex';
import { catalogue, message, pseudo, type Catalogue } from '../i18n/catalogue';
import { languageName as displayedLanguageName, PSEUDO_LANGUAGE } from '../i18n/languages';

export type SourcesWord = keyof Catalogue['sources'] & string;

/** A word with `{name}` filled in (plural entries take their form from `n`). */
export function sourcesWord(lang: string, key: SourcesWord, values: Record<string, string | number> = {}): string {
  return message(lang, 'sources', key, values);
}

/** Short tier names for badges and filter chips. */
export function tierName(lang: string, tier: SourceTierName): string {
  return catalogue(lang).tiers[tier];
}

/** Shorter words for the caption on a phone (the sources view and the badge's title give the whole word). */
export function tierShortName(lang: string, tier: SourceTierName): string {
  return catalogue(lang).tiersShort[tier];
}

/** What each tier means (title of badges and chips). */
export function tierTitle(lang: string, tier: SourceTierName): string {
  return sourcesWord(lang, 'tierTitle', { tier: tierName(lang, tier), hint: catalogue(lang).tierHints[tier] });
}

export function useName(lang: string, use: OtherUse): string {
  return catalogue(lang).uses[use];
}

const ownNames = new Map<string, string>();

/** A language's own name ("русский", "Deutsch"), from Intl.DisplayNames; the code when unknown. */
export function languageOwnName(code: string): string {
  let name = ownNames.get(code);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    } catch {
      name = code;
    }
    ownNames.set(code, name);
  }
  return name;
}

/** A language's name in the UI language ("Russian", "Russisch"; wrapped in the pseudo-locale). */
export function languageName(code: string, uiLang: string): string {
  const name = displayedLanguageName(code, uiLang);
  return uiLang === PSEUDO_LANGUAGE ? pseudo(name) : name;
}
