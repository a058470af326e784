import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue, catalogueLanguages, message, PSEUDO_CLOSE, PSEUDO_OPEN } from '../../src/i18n/catalogue';
import { fill, plural } from '../../src/i18n/fill';
import { APP_LANGUAGES, intlLocale, LANGUAGE_NAMES, preferredLanguage } from '../../src/i18n/languages';
import { formatLongDate } from '../../src/ui/format';
import { longDateFromTable, numberFromTable } from '../../src/i18n/formats';
import { loadScenarioText } from '../../src/scenario/validate';
import { localize, type LocalizedText } from '../../src/scenario/model';

/** Every leaf of a catalogue as "section.key[.form]" → text. */
function leaves(o: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

/** A text's {slots}, sorted. */
const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const PLURAL_FORMS = new Set(['one', 'two', 'few', 'many', 'other']);
/** The key of a leaf without a trailing plural form ("sources.count.one" → "sources.count"). */
const entryOf = (path: string) => (PLURAL_FORMS.has(path.split('.').pop()!) && path.split('.').length === 3 ? path.split('.').slice(0, 2).join('.') : path);

describe('message catalogue', () => {
  const en = leaves(catalogue('en'));

  it('has a catalogue for each app language, named in its own language', () => {
    expect([...catalogueLanguages()].sort()).toEqual([...APP_LANGUAGES].sort());
    expect(LANGUAGE_NAMES).toEqual({ en: 'English', de: 'Deutsch', ru: 'Русский', az: 'Azərbaycanca' });
  });

  for (const lang of APP_LANGUAGES.filter((l) => l !== 'en')) {
    it(`${lang}: every English entry exists, is not empty, keeps its {slots}, and is not left in English`, () => {
      const other = leaves(catalogue(lang));
      const otherEntries = new Set([...other.keys()].map(entryOf));
      const missing = [...new Set([...en.keys()].map(entryOf))].filter((k) => !otherEntries.has(k));
      expect(missing).toEqual([]);
      const extra = [...new Set([...other.keys()].map(entryOf))].filter((k) => ![...en.keys()].map(entryOf).includes(k));
      expect(extra).toEqual([]);
      for (const [path, text] of other) {
        expect(text.trim(), path).not.toBe('');
        const enText = en.get(path) ?? en.get(`${entryOf(path)}.other`)!;
        expect(
          slots(text).filter((s, i, a) => a.indexOf(s) === i),
          path,
        ).toEqual(slots(enText).filter((s, i, a) => a.indexOf(s) === i));
      }
      // Untranslated text shows as the same long English sentence; short words and names may match.
      const same = [...other].filter(([path, text]) => text === en.get(path) && text.split(' ').length > 3);
      expect(same.map(([p]) => p)).toEqual([]);
    });
  }

  it('Russian plurals take one/few/many forms', () => {
    expect(message('ru', 'sources', 'count', { n: 1 })).toMatch(/^1 \S+$/);
    const [one, few, many] = [1, 3, 5].map((n) => message('ru', 'sources', 'count', { n }).split(' ')[1]);
    expect(new Set([one, few, many]).size).toBe(3);
    expect(message('ru', 'sources', 'count', { n: 21 }).split(' ')[1]).toBe(one);
    expect(message('en', 'sources', 'count', { n: 1 })).toBe('1 source');
    expect(message('en', 'sources', 'count', { n: 78 })).toBe('78 sources');
    expect(message('de', 'systems', 'hydraulicsFailed', { n: 3 })).toBe('3 Hydrauliksysteme ausgefallen');
  });

  it('fills slots once, leaves unknown ones, and does not read $ patterns in values', () => {
    expect(fill('{a} and {b}', { a: '$& {b}' })).toBe('$& {b} and {b}');
    expect(plural('en', { one: '{n} file', other: '{n} files' }, 1234)).toBe('1,234 files');
    expect(plural('de', { one: '{n} Datei', other: '{n} Dateien' }, 1234)).toBe('1.234 Dateien');
  });

  it('the pseudo-locale wraps every catalogue string and scenario text', () => {
    for (const [path, text] of leaves(catalogue('qps'))) {
      expect(text.startsWith(PSEUDO_OPEN) && text.endsWith(PSEUDO_CLOSE), path).toBe(true);
    }
    expect(message('qps', 'app', 'stepOf', { k: 3, n: 37 })).toBe('⟦Step 3 of 37⟧');
    expect(localize({ en: 'Take-off', de: 'Start' } as LocalizedText, 'qps')).toBe('⟦Take-off⟧');
  });
});

describe('dates and numbers per language', () => {
  const day = Date.UTC(2024, 11, 25, 5, 13, 31);
  it('writes the long date as each language does', () => {
    expect(formatLongDate(day, 'en')).toBe('25 December 2024');
    expect(formatLongDate(day, 'de')).toBe('25. Dezember 2024');
    expect(formatLongDate(day, 'ru')).toBe('25 декабря 2024 г.');
    expect(formatLongDate(day, 'az')).toBe('25 dekabr 2024');
    expect(formatLongDate(Date.UTC(2024, 11, 25, 23, 59), 'en')).toBe('25 December 2024'); // UTC, not local
  });
  it('groups numbers as each language does', () => {
    const n = 12345;
    expect(n.toLocaleString(intlLocale('en'))).toBe('12,345');
    expect(n.toLocaleString(intlLocale('de'))).toBe('12.345');
    expect(n.toLocaleString(intlLocale('ru'))).toBe('12\u00a0345');
    expect(n.toLocaleString(intlLocale('az'))).toBe('12.345');
  });
});

describe('the table behind Intl (browsers without a language’s data, e.g. Chromium and Azerbaijani)', () => {
  it('writes what a full-ICU Intl writes, in every language', () => {
    for (const lang of APP_LANGUAGES) {
      for (const ms of [Date.UTC(2024, 11, 25, 5), Date.UTC(2025, 1, 4), Date.UTC(2025, 9, 9, 23)]) {
        const intl = new Intl.DateTimeFormat(intlLocale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(ms);
        expect(longDateFromTable(ms, lang), lang).toBe(intl);
      }
      for (const [n, digits] of [
        [7, 0],
        [2400, 0],
        [12345.5, 1],
        [1234567, 0],
        [0.25, 2],
      ] as const) {
        expect(numberFromTable(n, lang, digits), `${lang} ${n}`).toBe(
          n.toLocaleString(intlLocale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }),
        );
      }
    }
  });
});

describe('start language', () => {
  it('takes the first browser language the app has, by its primary subtag; else English', () => {
    expect(preferredLanguage(['ru-RU', 'en'])).toBe('ru');
    expect(preferredLanguage(['fr-FR', 'de-AT'])).toBe('de');
    expect(preferredLanguage(['az-Latn-AZ'])).toBe('az');
    expect(preferredLanguage(['fr', 'es'])).toBe('en');
    expect(preferredLanguage([])).toBe('en');
  });
});

describe('AZAL 8243 in four languages', () => {
  const text = readFileSync(new URL('../../data/azal-8243.json', import.meta.url), 'utf8');
  const result = loadScenarioText(text);
  it('loads and declares en, de, ru and az', () => {
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario.languages).toEqual(['en', 'de', 'ru', 'az']);
  });
  it('has every text in every language, with the same numbers as the English', () => {
    const texts: LocalizedText[] = [];
    const walk = (o: unknown): void => {
      if (Array.isArray(o)) o.forEach(walk);
      else if (o && typeof o === 'object') {
        const rec = o as Record<string, unknown>;
        if (typeof rec.en === 'string' && Object.values(rec).every((v) => typeof v === 'string')) texts.push(rec as LocalizedText);
        else Object.values(rec).forEach(walk);
      }
    };
    walk(JSON.parse(text));
    expect(texts.length).toBeGreaterThan(200);
    // Times (hh:mm) are written the same in every language.
    const times = (s: string) => [...s.matchAll(/\b\d\d:\d\d(:\d\d)?\b/g)].map((m) => m[0]).sort();
    for (const t of texts) {
      const english = t.en ?? '';
      for (const lang of ['de', 'ru', 'az']) {
        expect(t[lang], `${lang}: ${english.slice(0, 60)}`).toBeTruthy();
        expect(times(t[lang]!), `${lang}: ${english.slice(0, 60)}`).toEqual(times(english));
      }
    }
  });
  it('Russian quotes Putin in his own words; Russian and Azerbaijani are in their scripts', () => {
    const d = JSON.parse(text) as { steps: { id: string; caption: Record<string, string>; title: Record<string, string> }[] };
    const putin = d.steps.find((s) => s.id === 'putin-dushanbe')!;
    expect(putin.caption.ru).toContain('технических сбоях самой системы ПВО России');
    for (const s of d.steps) {
      expect(s.caption.ru, s.id).toMatch(/[а-яё]{4}/i);
      expect(s.caption.az, s.id).toMatch(/[əğıöüçş]/i);
    }
  });
});
