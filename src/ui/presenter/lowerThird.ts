/**
 * What a presented (or exported) frame says about the current step: kicker, title, time, caption
 * and sources as plain strings. Shared by presenter mode (DOM) and video export (Canvas 2D).
 */
import type { AppState } from '../../app/store';
import { localize, placeLabel } from '../../scenario/model';
import { utcOffsetForStep } from '../../scenario/steps';
import { formatLocalClock, formatOffset, formatUtcClock } from '../../geo/time';
import { formatStepTime } from '../format';
import type { FrameText } from '../../export/types';
import { t } from '../i18n';
import { word } from './words';

/** The same texts the video export burns into each frame. */
export type LowerThirdText = FrameText;

export function lowerThirdText(state: AppState): LowerThirdText {
  const { scenario, lang } = state;
  const step = scenario.steps[state.stepIndex] ?? null;
  const offset = utcOffsetForStep(scenario, step) ?? scenario.places.get(scenario.flight.from)?.utcOffsetMin;
  const place = step?.place ? scenario.places.get(step.place) : scenario.places.get(scenario.flight.from);
  const where = place && offset !== undefined ? `, ${placeLabel(place, lang)}` : '';
  const local = offset === undefined ? '' : ` · ${formatLocalClock(state.timeMs, offset)} ${word(lang, 'local')} (${formatOffset(offset)}${where})`;
  const clock = formatUtcClock(state.timeMs) + local;
  const provenance = t(lang, state.aircraft.provenance);
  if (!step) {
    return {
      kicker: t(lang, 'beforeFirst'),
      title: localize(scenario.title, lang),
      time: '',
      caption: localize(scenario.summary, lang),
      sources: '',
      clock,
      provenance,
    };
  }
  const kicker = [
    word(lang, 'stepOf', { k: step.index + 1, n: scenario.steps.length }),
    step.kind === 'epilogue' ? t(lang, 'epilogue') : '',
    `${t(lang, 'confidence')}: ${t(lang, step.confidence)}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const sources = step.sources.map((id) => scenario.sources.get(id)?.publisher ?? id);
  return {
    kicker,
    title: localize(step.title, lang),
    time: formatStepTime(scenario, step, lang),
    caption: localize(step.caption, lang),
    sources: `${t(lang, 'sources')}: ${[...new Set(sources)].join(' · ')}`,
    clock,
    provenance,
  };
}
