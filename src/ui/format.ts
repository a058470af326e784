/** Texts shown for times and steps, shared by the caption, the step list and the API. */
import type { ReportedEvent, Scenario } from '../scenario/model';
import { placeLabel } from '../scenario/model';
import { formatLocalClock, formatOffset, formatUtcClock } from '../geo/time';
import { t } from './i18n';
import { PSEUDO_LANGUAGE } from '../i18n/languages';
import { formatLongDate as formatDate } from '../i18n/formats';
import { pseudo } from '../i18n/catalogue';

/** "4 February 2025" / "4. Februar 2025" / "4 февраля 2025 г." / "4 fevral 2025" (src/i18n/formats.ts), marked in the pseudo-locale. */
export function formatLongDate(ms: number, lang: string): string {
  const date = formatDate(ms, lang);
  return lang === PSEUDO_LANGUAGE ? pseudo(date) : date;
}

/** The step's time as a reader should see it, with its precision and the local time at its place. */
export function formatStepTime(scenario: Scenario, step: ReportedEvent, lang: string): string {
  if (step.kind === 'epilogue') return formatLongDate(step.timeMs, lang);
  const utc = step.timePrecision === 'second' ? formatUtcClock(step.timeMs) : `${formatUtcClock(step.timeMs).slice(0, 5)} UTC`;
  const prefix = step.timePrecision === 'approximate' ? `${t(lang, 'approx')} ` : '';
  const place = step.place ? scenario.places.get(step.place) : undefined;
  if (!place) return prefix + utc;
  const where = placeLabel(place, lang);
  if (place.utcOffsetMin === undefined) return `${prefix}${utc} · ${where}`;
  const local = formatLocalClock(step.timeMs, place.utcOffsetMin);
  const localShown = step.timePrecision === 'second' ? local : local.slice(0, 5);
  return `${prefix}${utc} · ${localShown} ${t(lang, 'localTime')} (${formatOffset(place.utcOffsetMin)}) · ${where}`;
}

/** "Publisher: Title" */
export function citationText(scenario: Scenario, id: string): { title: string; url: string } {
  const c = scenario.sources.get(id);
  if (!c) return { title: id, url: '' };
  if (c.file) return { title: `${c.publisher}: ${c.title} (${formatBytes(c.file.bytes)}, SHA-256 ${c.file.sha256.slice(0, 12)}…)`, url: '' };
  return { title: `${c.publisher}: ${c.title}`, url: c.url ?? '' };
}

/** 1.2 MB, 340 kB, 512 B */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} B`;
}
