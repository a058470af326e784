/** The words of the sources view and the caption's tier badges, in the app's languages. */
import type { SourceTierName } from '../scenario/sourceTiers';
import type { OtherUse } from '../app/sourceIndex';

const WORDS = {
  en: {
    heading: 'Sources',
    allSources: 'All sources',
    allSourcesHint: 'Every source of this reconstruction, with what each one supports',
    controlEntry: 'Sources…',
    close: 'Close',
    closeHint: 'Close the sources (Esc)',
    count: '{n} sources',
    countOne: '1 source',
    shownOf: '{k} of {n} sources',
    filter: 'Show sources of a tier',
    all: 'All',
    textOf: 'text of {original}',
    noDate: 'date unknown',
    language: 'Language: {name}',
    supports: 'Supports:',
    disputed: 'Disputed: {topic}',
    claimNoStep: 'Disputed (no step): {topic}',
    citesNothing: 'No step or disputed point cites it directly.',
    elsewhere: 'Also cited for: {list}',
    copy: 'Copy citation',
    copyHint: 'Copy this source as one line of text',
    copied: 'Copied',
    selected: 'Selected: press Ctrl+C (⌘C) to copy',
    unrated: '{n} sources of this file are not rated; they are shown as “other”.',
    unratedOne: '1 source of this file is not rated; it is shown as “other”.',
    checked: 'Sources last checked on {date}.',
    dataFile: 'Data file {name} ({size}, SHA-256 {hash}…)',
    empty: 'No source of this tier.',
    tierTitle: 'Tier “{tier}”: {hint}',
    unratedBadge: 'not rated (file revision 1)',
    jumpHint: 'Go to this step',
  },
  de: {
    heading: 'Quellen',
    allSources: 'Alle Quellen',
    allSourcesHint: 'Alle Quellen dieser Rekonstruktion und was jede belegt',
    controlEntry: 'Quellen…',
    close: 'Schließen',
    closeHint: 'Quellen schließen (Esc)',
    count: '{n} Quellen',
    countOne: '1 Quelle',
    shownOf: '{k} von {n} Quellen',
    filter: 'Quellen einer Stufe zeigen',
    all: 'Alle',
    textOf: 'Text von {original}',
    noDate: 'Datum unbekannt',
    language: 'Sprache: {name}',
    supports: 'Belegt:',
    disputed: 'Strittig: {topic}',
    claimNoStep: 'Strittig (ohne Schritt): {topic}',
    citesNothing: 'Kein Schritt und kein strittiger Punkt nennt sie direkt.',
    elsewhere: 'Außerdem zitiert für: {list}',
    copy: 'Quellenangabe kopieren',
    copyHint: 'Diese Quelle als eine Textzeile kopieren',
    copied: 'Kopiert',
    selected: 'Markiert: mit Strg+C (⌘C) kopieren',
    unrated: '{n} Quellen dieser Datei sind nicht eingestuft; sie erscheinen als „sonstige“.',
    unratedOne: '1 Quelle dieser Datei ist nicht eingestuft; sie erscheint als „sonstige“.',
    checked: 'Quellen zuletzt geprüft am {date}.',
    dataFile: 'Datendatei {name} ({size}, SHA-256 {hash}…)',
    empty: 'Keine Quelle dieser Stufe.',
    tierTitle: 'Stufe „{tier}“: {hint}',
    unratedBadge: 'nicht eingestuft (Dateirevision 1)',
    jumpHint: 'Zu diesem Schritt gehen',
  },
} as const;

export type SourcesWord = keyof (typeof WORDS)['en'];

/** A word with `{name}` filled in; values are inserted as they are (no `$` patterns: a function replacer). */
export function sourcesWord(lang: string, key: SourcesWord, values: Record<string, string | number> = {}): string {
  const table: Record<SourcesWord, string> = lang === 'de' ? WORDS.de : WORDS.en;
  return table[key].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}

/** Short tier names for badges and filter chips. */
const TIER_NAMES: Readonly<Record<'en' | 'de', Readonly<Record<SourceTierName, string>>>> = {
  en: { official: 'official', wire: 'wire', broadcaster: 'broadcaster', national: 'national', specialist: 'specialist', other: 'other' },
  de: { official: 'amtlich', wire: 'Agentur', broadcaster: 'Sender', national: 'national', specialist: 'Fachmedium', other: 'sonstige' },
};

/** Shorter words for the caption on a phone (the sources view and the badge's title give the whole word). */
const TIER_SHORT: Readonly<Record<'en' | 'de', Readonly<Record<SourceTierName, string>>>> = {
  en: { official: 'offic.', wire: 'wire', broadcaster: 'bcast.', national: 'nat.', specialist: 'spec.', other: 'other' },
  de: { official: 'amtl.', wire: 'Agent.', broadcaster: 'Sender', national: 'nat.', specialist: 'Fach.', other: 'sonst.' },
};

/** What each tier means (title of badges and chips). */
const TIER_HINTS: Readonly<Record<'en' | 'de', Readonly<Record<SourceTierName, string>>>> = {
  en: {
    official: 'investigators, authorities, courts, the airline, heads of state',
    wire: 'news agencies (Reuters, AP, AFP, TASS, Interfax, …)',
    broadcaster: 'public and major broadcasters',
    national: 'national newspapers and news sites',
    specialist: 'aviation press and specialist outlets',
    other: 'blogs, aggregators, social media, sources not yet rated',
  },
  de: {
    official: 'Ermittler, Behörden, Gerichte, die Fluggesellschaft, Staatsoberhäupter',
    wire: 'Nachrichtenagenturen (Reuters, AP, AFP, TASS, Interfax, …)',
    broadcaster: 'öffentliche und große Sender',
    national: 'überregionale Zeitungen und Nachrichtenseiten',
    specialist: 'Luftfahrtpresse und Fachmedien',
    other: 'Blogs, Aggregatoren, soziale Medien, noch nicht eingestufte Quellen',
  },
};

export function tierName(lang: string, tier: SourceTierName): string {
  return (lang === 'de' ? TIER_NAMES.de : TIER_NAMES.en)[tier];
}

export function tierShortName(lang: string, tier: SourceTierName): string {
  return (lang === 'de' ? TIER_SHORT.de : TIER_SHORT.en)[tier];
}

export function tierTitle(lang: string, tier: SourceTierName): string {
  const hint = (lang === 'de' ? TIER_HINTS.de : TIER_HINTS.en)[tier];
  return sourcesWord(lang, 'tierTitle', { tier: tierName(lang, tier), hint });
}

const USE_NAMES: Readonly<Record<'en' | 'de', Readonly<Record<OtherUse, string>>>> = {
  en: {
    flight: 'the flight’s details',
    people: 'the number of people aboard',
    places: 'places',
    track: 'the track',
    anchors: 'fixes of the reconstructed path',
    gaps: 'gaps in the data',
    rejected: 'rejected fixes',
    zones: 'GNSS interference',
  },
  de: {
    flight: 'die Flugdaten',
    people: 'die Zahl der Menschen an Bord',
    places: 'Orte',
    track: 'den Flugweg',
    anchors: 'Fixpunkte des rekonstruierten Wegs',
    gaps: 'Datenlücken',
    rejected: 'verworfene Positionen',
    zones: 'GNSS-Störungen',
  },
};

export function useName(lang: string, use: OtherUse): string {
  return (lang === 'de' ? USE_NAMES.de : USE_NAMES.en)[use];
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

const uiNames = new Map<string, string>();

/** A language's name in the UI language ("Russian", "Russisch"). */
export function languageName(code: string, uiLang: string): string {
  const key = `${uiLang}:${code}`;
  let name = uiNames.get(key);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([uiLang, 'en'], { type: 'language' }).of(code) ?? code;
    } catch {
      name = code;
    }
    uiNames.set(key, name);
  }
  return name;
}
