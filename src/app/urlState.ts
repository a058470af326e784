/**
 * Deep links: reads URL parameters into intentions (with a notice for each invalid value) and writes
 * the state back as parameters. Pure: works on strings, not on window.location.
 */
import type { Scenario } from '../scenario/model';
import { findStep } from '../scenario/steps';
import { formatIsoUtc, parseUtcInstant } from '../geo/time';
import { CAMERA_MODES, MAX_SPEED, MIN_SPEED, isCameraMode, type CameraMode } from './types';

export interface UrlIntent {
  timeMs?: number;
  stepId?: string;
  camera?: CameraMode;
  lang?: string;
  speed?: number;
  play?: boolean;
  ui?: boolean;
}

export interface UrlReading {
  readonly intent: UrlIntent;
  /** One human-readable line per ignored parameter. */
  readonly problems: readonly string[];
}

/** Parameters this app owns; others are left alone in the URL. */
export const OWN_PARAMS = ['t', 'step', 'camera', 'lang', 'speed', 'play', 'ui'] as const;

function shown(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 40 ? `"${clean.slice(0, 40)}…"` : `"${clean}"`;
}

export function readUrl(search: string, scenario: Scenario): UrlReading {
  const params = new URLSearchParams(search);
  const intent: UrlIntent = {};
  const problems: string[] = [];
  const bad = (name: string, value: string, why: string) => problems.push(`Ignored ${name}=${shown(value)}: ${why}.`);

  const t = params.get('t');
  if (t !== null) {
    const ms = parseUtcInstant(t);
    if (ms === null) bad('t', t, 'expected a UTC time like 2024-12-25T05:13:31Z');
    else if (ms < scenario.startMs || ms > scenario.endMs)
      bad('t', t, `outside the flight (${formatIsoUtc(scenario.startMs)} to ${formatIsoUtc(scenario.endMs)})`);
    else intent.timeMs = ms;
  }
  const step = params.get('step');
  if (step !== null) {
    if (findStep(scenario, step)) intent.stepId = step;
    else bad('step', step, 'no step has this id');
  }
  const camera = params.get('camera');
  if (camera !== null) {
    if (isCameraMode(camera)) intent.camera = camera;
    else bad('camera', camera, `expected one of ${CAMERA_MODES.join(', ')}`);
  }
  const lang = params.get('lang');
  if (lang !== null) {
    if (scenario.languages.includes(lang)) intent.lang = lang;
    else bad('lang', lang, `expected one of ${scenario.languages.join(', ')}`);
  }
  const speed = params.get('speed');
  if (speed !== null) {
    const x = /^\d+(\.\d+)?$/.test(speed) ? Number(speed) : NaN;
    if (Number.isFinite(x) && x >= MIN_SPEED && x <= MAX_SPEED) intent.speed = x;
    else bad('speed', speed, `expected a number from ${MIN_SPEED} to ${MAX_SPEED}`);
  }
  const play = params.get('play');
  if (play !== null) {
    if (play === '1' || play === '0') intent.play = play === '1';
    else bad('play', play, 'expected 1 or 0');
  }
  const ui = params.get('ui');
  if (ui !== null) {
    if (ui === '1' || ui === '0') intent.ui = ui === '1';
    else bad('ui', ui, 'expected 1 or 0');
  }
  return { intent, problems };
}

export interface UrlSnapshot {
  readonly timeMs: number;
  readonly stepId: string | null;
  readonly camera: CameraMode;
  readonly lang: string;
  readonly speed: number;
  readonly uiVisible: boolean;
}

/**
 * The query string for a state. Keeps parameters the app does not own (e.g. a future `embed`),
 * and drops `play`: a shared link opens paused at the moment it was copied.
 */
export function writeUrl(previousSearch: string, snap: UrlSnapshot): string {
  const params = new URLSearchParams(previousSearch);
  for (const name of OWN_PARAMS) params.delete(name);
  params.set('t', formatIsoUtc(snap.timeMs));
  if (snap.stepId) params.set('step', snap.stepId);
  params.set('camera', snap.camera);
  params.set('lang', snap.lang);
  params.set('speed', String(snap.speed));
  if (!snap.uiVisible) params.set('ui', '0');
  // Colons are legal in a query; keeping them makes shared links readable.
  return '?' + params.toString().replace(/%3A/g, ':');
}
