/**
 * Numbers and dates in each language. `Intl` formats them where the browser has the language's data;
 * where it does not (Chromium's built-in ICU has no Azerbaijani months or separators: it writes
 * "2024 M12 25" and "2,400"), the table below does. Which path is used is decided once per language by
 * comparing Intl's output with the table's. Pure: no DOM.
 */
import { intlLocale } from './languages';

interface LocaleFormats {
  /** Month names as they stand in a long date (Russian: genitive, "декабря"). */
  readonly months: readonly string[];
  readonly longDate: (day: number, month: string, year: number) => string;
  readonly group: string;
  readonly decimal: string;
}

const FORMATS: Readonly<Record<string, LocaleFormats>> = {
  en: {
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    longDate: (d, m, y) => `${d} ${m} ${y}`,
    group: ',',
    decimal: '.',
  },
  de: {
    months: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    longDate: (d, m, y) => `${d}. ${m} ${y}`,
    group: '.',
    decimal: ',',
  },
  ru: {
    months: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
    longDate: (d, m, y) => `${d} ${m} ${y} г.`,
    group: '\u00a0',
    decimal: ',',
  },
  az: {
    months: ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avqust', 'sentyabr', 'oktyabr', 'noyabr', 'dekabr'],
    longDate: (d, m, y) => `${d} ${m} ${y}`,
    group: '.',
    decimal: ',',
  },
};

const longDates = new Map<string, Intl.DateTimeFormat | null>();
const numbers = new Map<string, boolean>();

function tableLongDate(f: LocaleFormats, ms: number): string {
  const d = new Date(ms);
  return f.longDate(d.getUTCDate(), f.months[d.getUTCMonth()]!, d.getUTCFullYear());
}

/** Intl's long-date formatter for a language when it writes what the table does, else null. */
function intlLongDate(lang: string): Intl.DateTimeFormat | null {
  if (!longDates.has(lang)) {
    let f: Intl.DateTimeFormat | null = new Intl.DateTimeFormat(intlLocale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const table = FORMATS[lang];
    const probe = Date.UTC(2024, 11, 25);
    if (table && f.format(probe) !== tableLongDate(table, probe)) f = null;
    longDates.set(lang, f);
  }
  return longDates.get(lang)!;
}

/** "25 December 2024", "25. Dezember 2024", "25 декабря 2024 г.", "25 dekabr 2024" (the UTC day). */
export function formatLongDate(ms: number, lang: string): string {
  const intl = intlLongDate(lang);
  if (intl) return intl.format(ms);
  return longDateFromTable(ms, lang);
}

/** The table's long date, without Intl (exported for tests: it must agree with a full-ICU Intl). */
export function longDateFromTable(ms: number, lang: string): string {
  return tableLongDate(FORMATS[lang] ?? FORMATS.en!, ms);
}

/** The table's number, without Intl (exported for tests). */
export function numberFromTable(n: number, lang: string, fractionDigits = 0): string {
  return tableNumber(FORMATS[lang] ?? FORMATS.en!, n, fractionDigits);
}

function tableNumber(f: LocaleFormats, n: number, fractionDigits: number): string {
  const [whole = '0', fraction] = Math.abs(n).toFixed(fractionDigits).split('.');
  const grouped = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, f.group) : whole;
  return `${n < 0 ? '−' : ''}${grouped}${fraction ? f.decimal + fraction : ''}`;
}

/** Whether Intl groups and separates decimals in a language as the table does. */
function intlNumbers(lang: string): boolean {
  let ok = numbers.get(lang);
  if (ok === undefined) {
    const table = FORMATS[lang];
    ok = !table || (12345.5).toLocaleString(intlLocale(lang), { minimumFractionDigits: 1 }) === tableNumber(table, 12345.5, 1);
    numbers.set(lang, ok);
  }
  return ok;
}

/** One Intl.NumberFormat per language and digit count (the aircraft label formats often: no options object per call). */
const numberFormats = new Map<string, Intl.NumberFormat[]>();

function numberFormat(lang: string, fractionDigits: number): Intl.NumberFormat {
  let byDigits = numberFormats.get(lang);
  if (!byDigits) numberFormats.set(lang, (byDigits = []));
  return (byDigits[fractionDigits] ??= new Intl.NumberFormat(intlLocale(lang), {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }));
}

/** A number with the language's grouping and decimal sign ("2,400" / "2.400" / "2 400"), `fractionDigits` after the point. */
export function formatNumber(n: number, lang: string, fractionDigits = 0): string {
  if (intlNumbers(lang)) return numberFormat(lang, fractionDigits).format(n);
  return tableNumber(FORMATS[lang] ?? FORMATS.en!, n, fractionDigits);
}
