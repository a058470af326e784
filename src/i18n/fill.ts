/** Filling `{name}` slots and choosing plural forms. Pure. */
import { formatNumber } from './formats';
import { intlLocale } from './languages';

/** A message that depends on a count: Intl.PluralRules picks the form (Russian uses one/few/many). */
export interface Plural {
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

export type Values = Readonly<Record<string, string | number>>;

/** `{name}` replaced by its value as text (a function replacer: no `$` patterns); unknown slots stay. */
export function fill(template: string, values?: Values): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (slot, k: string) => (k in values ? String(values[k]) : slot));
}

const rules = new Map<string, Intl.PluralRules>();

/** The form of `forms` for `n` in `lang`, with `{n}` filled (as a number in the language's format). */
export function plural(lang: string, forms: Plural, n: number, values?: Values): string {
  const locale = intlLocale(lang);
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  const form = forms[r.select(n) as keyof Plural] ?? forms.other;
  return fill(form, { n: formatNumber(n, lang, Number.isInteger(n) ? 0 : 1), ...values });
}
