/**
 * Words for screen readers, built from the store's state (no DOM): what the globe (or the flat map)
 * shows now — step k of n and its title, the place, the UTC time, the altitude and how the position
 * is known (measured, reported or inferred), the camera — and the one line announced when a new
 * step is shown (its title and lead sentence). src/ui/screenReader.ts puts them in the page.
 */
import type { AppState } from '../app/store';
import type { ProvenanceKind } from '../scenario/model';
import { localize, placeLabel } from '../scenario/model';
import { formatUtcClock } from '../geo/time';
import { formatNumber } from '../i18n/formats';
import { message, type Catalogue } from '../i18n/catalogue';
import type { Values } from '../i18n/fill';
import { formatLongDate } from './format';
import { splitLead } from '../story/captionLead';
import { t } from './i18n';

export type A11yKey = keyof Catalogue['a11y'] & string;

export function a11y(lang: string, key: A11yKey, values?: Values): string {
  return message(lang, 'a11y', key, values);
}

/** "inferred" — the whole word read aloud (the legend's short keys may be abbreviated: "восстан."). */
function kindWord(lang: string, kind: ProvenanceKind): string {
  return t(lang, kind).split(' (')[0]!;
}

/** "43.39° N, 45.71° E" in the language's number format. */
export function formatLatLon(lat: number, lon: number, lang: string): string {
  const f = (x: number) => formatNumber(Math.abs(x), lang, 2);
  return `${f(lat)}° ${lat < 0 ? 'S' : 'N'}, ${f(lon)}° ${lon < 0 ? 'W' : 'E'}`;
}

/** "Step 3 of 25: First impact." (or before the first step: the scenario's title). */
export function stepHeading(state: AppState): string {
  const { scenario, lang } = state;
  const step = scenario.steps[state.stepIndex];
  if (!step) return a11y(lang, 'beforeFirst', { title: localize(scenario.title, lang) });
  return a11y(lang, 'stepOf', { k: step.index + 1, n: scenario.steps.length, title: localize(step.title, lang) });
}

/**
 * What the view shows now, as sentences: step, place (or coordinates), UTC time (the date for an
 * epilogue step), altitude with how it is known, how the position is known, the camera.
 */
export function describeView(state: AppState): string {
  const { scenario, lang, aircraft } = state;
  const step = scenario.steps[state.stepIndex];
  const parts = [stepHeading(state)];
  const place = step?.place ? scenario.places.get(step.place) : undefined;
  parts.push(
    place ? a11y(lang, 'place', { place: placeLabel(place, lang) }) : a11y(lang, 'coordinates', { position: formatLatLon(aircraft.lat, aircraft.lon, lang) }),
  );
  if (step?.kind === 'epilogue') parts.push(a11y(lang, 'date', { date: formatLongDate(step.timeMs, lang) }), a11y(lang, 'heldAtEnd'));
  parts.push(a11y(lang, 'time', { utc: formatUtcClock(state.timeMs) }));
  const altitude = formatNumber(Math.round(aircraft.altitudeM / 10) * 10, lang);
  parts.push(a11y(lang, 'altitude', { alt: altitude, kind: kindWord(lang, aircraft.altitudeProvenance) }));
  parts.push(a11y(lang, 'position', { kind: t(lang, aircraft.provenance) }));
  parts.push(a11y(lang, 'camera', { camera: t(lang, state.presenting ? 'overview' : state.camera) }));
  return parts.join(' ');
}

/** The line announced when a new step is shown: its heading and the caption's lead sentence. */
export function stepAnnouncement(state: AppState): string {
  const { scenario, lang } = state;
  const step = scenario.steps[state.stepIndex];
  const caption = step ? localize(step.caption, lang) : localize(scenario.summary, lang);
  const lead = splitLead(caption).lead;
  return lead ? `${stepHeading(state)} ${lead}` : stepHeading(state);
}
