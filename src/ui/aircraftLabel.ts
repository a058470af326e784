/** The text beside the aircraft marker: altitude and how its position is known. */
import type { AppState } from '../app/store';
import { t } from './i18n';
import { formatNumber } from '../i18n/formats';

export function aircraftLabel(state: AppState): string {
  const a = state.aircraft;
  const alt = Math.round(a.altitudeM / 10) * 10;
  const lang = state.lang;
  const altText = formatNumber(alt, lang);
  const pos = t(lang, a.provenance).split(' (')[0];
  return `${t(lang, 'altitude')} ${altText} ${t(lang, 'metres')} · ${pos}`;
}
