/**
 * Deep links: reads URL parameters into intentions (with a notice for each invalid value) and writes
 * the state back as parameters. Pure: works on strings, not on window.location.
 */
import type { Scenario } from '../scenario/model';
import { findStep } from '../scenario/steps';
import { formatIsoUtc, parseUtcInstant } from '../geo/time';
import { readImagery } from './imagery';
import { QUALITY_SETTINGS, isQualitySetting, type QualitySetting } from './quality';
import { SOURCE_TIERS, type SourceTierName } from '../scenario/sourceTiers';
import { CAMERA_MODES, MAX_SPEED, MIN_SPEED, isCameraMode, type CameraMode, LAYER_IDS, isLayerId, type LayerId } from './types';
import { APP_LANGUAGES, isUiLanguage } from '../i18n/languages';
import { message, say, type Say } from '../i18n/catalogue';

export interface UrlIntent {
  timeMs?: number;
  stepId?: string;
  camera?: CameraMode;
  lang?: string;
  speed?: number;
  play?: boolean;
  ui?: boolean;
  present?: boolean;
  /** Visible layers after `layers=` (a list, or `-id` to hide from the default). */
  layers?: LayerId[];
  /** Online map tiles (`imagery=osm` or an XYZ URL); not an own parameter, so the URL keeps it as typed. */
  imagery?: string;
  /** Drawing quality (`quality=auto|high|low`). */
  quality?: QualitySetting;
  /** The sources view: `sources=1` opens it, `sources=wire` opens it filtered to a tier, `sources=0` keeps it closed. */
  sources?: { open: boolean; tier: SourceTierName | null };
  /** `about=1`: open on "How this reconstruction was made". */
  about?: boolean;
}

export interface UrlReading {
  readonly intent: UrlIntent;
  /** One human-readable line per ignored parameter. */
  readonly problems: readonly Say[];
}

/** Parameters this app owns; others are left alone in the URL. */
export const OWN_PARAMS = ['t', 'step', 'camera', 'lang', 'speed', 'play', 'ui', 'present', 'layers', 'quality', 'sources', 'about'] as const;

function shown(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 40 ? `"${clean.slice(0, 40)}…"` : `"${clean}"`;
}

export function readUrl(search: string, scenario: Scenario): UrlReading {
  const params = new URLSearchParams(search);
  const intent: UrlIntent = {};
  const problems: Say[] = [];
  const bad = (name: string, value: string, why: Say) =>
    problems.push((lang) => message(lang, 'url', 'ignored', { name, value: shown(value), why: why(lang) }));

  const t = params.get('t');
  if (t !== null) {
    const ms = parseUtcInstant(t);
    if (ms === null) bad('t', t, say('url', 'utcTime'));
    else if (ms < scenario.startMs || ms > scenario.endMs)
      bad('t', t, say('url', 'outside', { from: formatIsoUtc(scenario.startMs), to: formatIsoUtc(scenario.endMs) }));
    else intent.timeMs = ms;
  }
  const step = params.get('step');
  if (step !== null) {
    if (findStep(scenario, step)) intent.stepId = step;
    else bad('step', step, say('url', 'noStep'));
  }
  const camera = params.get('camera');
  if (camera !== null) {
    if (isCameraMode(camera)) intent.camera = camera;
    else bad('camera', camera, say('url', 'oneOf', { list: CAMERA_MODES.join(', ') }));
  }
  const lang = params.get('lang');
  if (lang !== null) {
    if (isUiLanguage(lang)) intent.lang = lang;
    else bad('lang', lang, say('url', 'oneOf', { list: APP_LANGUAGES.join(', ') }));
  }
  const speed = params.get('speed');
  if (speed !== null) {
    const x = /^\d+(\.\d+)?$/.test(speed) ? Number(speed) : NaN;
    if (Number.isFinite(x) && x >= MIN_SPEED && x <= MAX_SPEED) intent.speed = x;
    else bad('speed', speed, say('url', 'speed', { min: MIN_SPEED, max: MAX_SPEED }));
  }
  const play = params.get('play');
  if (play !== null) {
    if (play === '1' || play === '0') intent.play = play === '1';
    else bad('play', play, say('url', 'oneOrZero'));
  }
  const ui = params.get('ui');
  if (ui !== null) {
    if (ui === '1' || ui === '0') intent.ui = ui === '1';
    else bad('ui', ui, say('url', 'oneOrZero'));
  }
  const present = params.get('present');
  if (present !== null) {
    if (present === '1' || present === '0') intent.present = present === '1';
    else bad('present', present, say('url', 'oneOrZero'));
  }
  const layers = params.get('layers');
  if (layers !== null) {
    const visible = readLayers(layers);
    if (visible.bad.length === 0) intent.layers = visible.layers;
    else bad('layers', layers, say('url', 'layers', { list: LAYER_IDS.join(', ') }));
  }
  const imagery = params.get('imagery');
  if (imagery !== null) {
    const reading = readImagery(imagery);
    if (reading.ok) intent.imagery = reading.setting;
    else bad('imagery', imagery, reading.reason);
  }
  const quality = params.get('quality');
  if (quality !== null) {
    if (isQualitySetting(quality)) intent.quality = quality;
    else bad('quality', quality, say('url', 'oneOf', { list: QUALITY_SETTINGS.join(', ') }));
  }
  const sources = params.get('sources');
  if (sources !== null) {
    if (sources === '1' || sources === '0') intent.sources = { open: sources === '1', tier: null };
    else if ((SOURCE_TIERS as readonly string[]).includes(sources)) intent.sources = { open: true, tier: sources as SourceTierName };
    else bad('sources', sources, say('url', 'sources', { list: SOURCE_TIERS.join(', ') }));
  }
  const about = params.get('about');
  if (about !== null) {
    if (about === '1' || about === '0') intent.about = about === '1';
    else bad('about', about, say('url', 'oneOrZero'));
  }
  return { intent, problems };
}

/** A plain start (no moment, no step, not playing, not the method page, not the bare globe of `ui=0`) opens on the title card. */
export function opensOnTitle(intent: UrlIntent): boolean {
  return intent.timeMs === undefined && intent.stepId === undefined && intent.play !== true && intent.about !== true && intent.ui !== false;
}

/** `corridor,claims` shows exactly those; `-claims` hides one and keeps the rest of the default (all). */
function readLayers(value: string): { layers: LayerId[]; bad: string[] } {
  const items = value
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  const bad = items.filter((x) => !isLayerId(x.replace(/^-/, '')));
  const shown = items.filter((x) => !x.startsWith('-')) as LayerId[];
  const hidden = new Set(items.filter((x) => x.startsWith('-')).map((x) => x.slice(1)));
  const base = shown.length > 0 ? shown : [...LAYER_IDS];
  return { layers: LAYER_IDS.filter((id) => base.includes(id) && !hidden.has(id)), bad };
}

export interface UrlSnapshot {
  readonly timeMs: number;
  readonly stepId: string | null;
  readonly camera: CameraMode;
  readonly lang: string;
  readonly speed: number;
  readonly uiVisible: boolean;
  readonly presenting?: boolean;
  /** Visible layers; omitted from the URL when all are shown. */
  readonly layers?: readonly LayerId[];
  /** Drawing quality; omitted from the URL when auto. */
  readonly quality?: QualitySetting;
  /** The sources view: omitted when closed; `1` when open on all sources, else the tier it lists. */
  readonly sources?: { readonly open: boolean; readonly tier: SourceTierName | null };
  /** The card shown: the title card writes no moment (a reload opens on it again); the method page writes `about=1`. */
  readonly card?: 'title' | 'method' | null;
}

/**
 * The query string for a state. Keeps parameters the app does not own (e.g. a future `embed`),
 * and drops `play`: a shared link opens paused at the moment it was copied.
 */
export function writeUrl(previousSearch: string, snap: UrlSnapshot): string {
  const params = new URLSearchParams(previousSearch);
  for (const name of OWN_PARAMS) params.delete(name);
  if (snap.card !== 'title') {
    params.set('t', formatIsoUtc(snap.timeMs));
    if (snap.stepId) params.set('step', snap.stepId);
  }
  params.set('camera', snap.camera);
  params.set('lang', snap.lang);
  params.set('speed', String(snap.speed));
  if (!snap.uiVisible) params.set('ui', '0');
  if (snap.presenting) params.set('present', '1');
  if (snap.layers) {
    const hidden = LAYER_IDS.filter((id) => !snap.layers!.includes(id));
    if (hidden.length > 0) params.set('layers', hidden.map((id) => '-' + id).join(','));
  }
  if (snap.quality && snap.quality !== 'auto') params.set('quality', snap.quality);
  if (snap.sources?.open) params.set('sources', snap.sources.tier ?? '1');
  if (snap.card === 'method') params.set('about', '1');
  // Colons and commas are legal in a query; keeping them makes shared links readable.
  return '?' + params.toString().replace(/%3A/g, ':').replace(/%2C/g, ',');
}
