/**
 * A source as one line of plain text, for "copy citation" in the sources view: publisher (and whose text
 * it reproduces), title, date, language, tier, URL and when the sources were last checked. Pure.
 */
import type { Citation } from './model';
import { catalogue } from '../i18n/catalogue';
import { languageName } from '../i18n/languages';

/**
 * `Arab News (text of Reuters). "Putin admits …". 2025-10-09. In English. Tier: wire. https://… (checked 2026-12-02)`
 * — one line, no HTML; `checked` is the scenario's date of the last source check.
 */
export function citationLine(c: Citation, uiLang = 'en', checked?: string): string {
  const w = catalogue(uiLang).citation;
  const parts: string[] = [];
  parts.push(c.original ? `${c.publisher} (${w.reproduces} ${c.original})` : c.publisher);
  parts.push(`"${c.title}"`);
  parts.push(c.date ?? w.noDate);
  if (c.language) {
    const lang = languageName(c.language, uiLang);
    parts.push(`${w.language.charAt(0).toUpperCase()}${w.language.slice(1)} ${lang}`);
  }
  parts.push(`${w.tier.charAt(0).toUpperCase()}${w.tier.slice(1)}: ${catalogue(uiLang).tiers[c.tier]}${c.tierAssumed ? ` (${w.unrated})` : ''}`);
  let where = c.url ?? (c.file ? `${w.file} ${c.file.name}, SHA-256 ${c.file.sha256}` : '');
  if (checked) where += ` (${w.checked} ${checked})`;
  const line = `${parts.join('. ')}. ${where}`.trim();
  return line.replace(/\s+/g, ' ');
}
