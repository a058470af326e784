/**
 * A source as one line of plain text, for "copy citation" in the sources view: publisher (and whose text
 * it reproduces), title, date, language, tier, URL and when the sources were last checked. Pure.
 */
import type { Citation } from './model';

function languageName(code: string, uiLang: string): string {
  try {
    return new Intl.DisplayNames([uiLang, 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const WORDS: Record<string, { reproduces: string; noDate: string; language: string; tier: string; checked: string; unrated: string; file: string }> = {
  en: { reproduces: 'text of', noDate: 'date unknown', language: 'in', tier: 'tier', checked: 'checked', unrated: 'not rated', file: 'data file' },
  de: {
    reproduces: 'Text von',
    noDate: 'Datum unbekannt',
    language: 'auf',
    tier: 'Stufe',
    checked: 'geprüft',
    unrated: 'nicht eingestuft',
    file: 'Datendatei',
  },
};

/**
 * `Arab News (text of Reuters). "Putin admits …". 2025-10-09. In English. Tier: wire. https://… (checked 2026-12-02)`
 * — one line, no HTML; `checked` is the scenario's date of the last source check.
 */
export function citationLine(c: Citation, uiLang = 'en', checked?: string): string {
  const w = WORDS[uiLang] ?? WORDS.en!;
  const parts: string[] = [];
  parts.push(c.original ? `${c.publisher} (${w.reproduces} ${c.original})` : c.publisher);
  parts.push(`"${c.title}"`);
  parts.push(c.date ?? w.noDate);
  if (c.language) {
    const lang = languageName(c.language, uiLang);
    parts.push(`${w.language.charAt(0).toUpperCase()}${w.language.slice(1)} ${lang}`);
  }
  parts.push(`${w.tier.charAt(0).toUpperCase()}${w.tier.slice(1)}: ${c.tier}${c.tierAssumed ? ` (${w.unrated})` : ''}`);
  let where = c.url ?? (c.file ? `${w.file} ${c.file.name}, SHA-256 ${c.file.sha256}` : '');
  if (checked) where += ` (${w.checked} ${checked})`;
  const line = `${parts.join('. ')}. ${where}`.trim();
  return line.replace(/\s+/g, ' ');
}
