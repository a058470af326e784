/**
 * window.flightrecon: the scripting API used by tests, explainers and (later) embedding.
 * A thin view of the store: every call writes an intention and resolves once it is drawn.
 */
import type { Store } from './store';
import { localize, type Chapter, type ReportedEvent, type Scenario } from '../scenario/model';
import { chapterIndexOf } from '../scenario/chapters';
import { formatIsoUtc, parseUtcInstant } from '../geo/time';
import { isCameraMode, isLayerId, CAMERA_MODES, LAYER_IDS, type CameraMode, type LayerId } from './types';
import { damageSummaryAt, type DamageSummary } from '../scenario/damageEvent';
import type { ExportVideoOptions } from '../export/types';
import { QUALITY_SETTINGS, isQualitySetting, type QualityLevel, type QualitySetting } from './quality';
import { SOURCE_TIERS, type SourceTierName } from '../scenario/sourceTiers';
import { sourceViews, type SourceView } from './sourceIndex';

export type { SourceView };

export interface StepView {
  index: number;
  id: string;
  kind: 'event' | 'epilogue';
  time: string;
  title: string;
  caption: string;
  sources: { title: string; url: string }[];
}

export interface StateView {
  time: string;
  playing: boolean;
  speed: number;
  camera: CameraMode;
  lang: string;
  scenario: { id: string; title: string };
  stepCount: number;
  step: StepView | null;
  aircraft: { lat: number; lon: number; altitudeM: number; headingDeg: number; provenance: string };
  /** The damage event at this time: damaged parts, bursts, systems (src/scenario/damageEvent.ts). */
  damage: DamageSummary;
  /** Visible layers, in LAYER_IDS order. */
  layers: LayerId[];
  /** The drawing-quality setting: auto, high or low. */
  quality: QualitySetting;
  /** The tier drawn now (high, medium, low, lowest); auto picks it; null without the 3D globe. */
  qualityLevel: QualityLevel | null;
  /** The free part of the view (CSS px) that the HUD leaves, where shots put their subject; null before it was measured. */
  stage: { x: number; y: number; width: number; height: number } | null;
  /** The camera is moving to a new shot (an eased move); `settled()` resolves when it has arrived. */
  cameraMoving: boolean;
  /** The sources view: open or not, and the tier it lists ('all' or a tier). */
  sourcesView: { open: boolean; tier: SourceTierName | 'all' };
  /** The card over the globe: 'title' (before step 1), 'method' ("How this reconstruction was made") or null. */
  card: 'title' | 'method' | null;
  /** The chapter of the current step (null: no chapters, or the title card). */
  chapter: ChapterView | null;
}

/** A chapter of the story: its steps are firstStep..lastStep (indices as in steps()). */
export interface ChapterView {
  id: string;
  title: string;
  firstStep: number;
  lastStep: number;
}

export interface FlightreconApi {
  ready: Promise<void>;
  state(): StateView;
  steps(): StepView[];
  seek(iso: string): Promise<StateView>;
  play(): Promise<StateView>;
  pause(): Promise<StateView>;
  setSpeed(x: number): Promise<StateView>;
  goToStep(idOrIndex: string | number): Promise<StateView>;
  /** The next slide: from the title card step 1; presenting, after the last step, the method page. */
  nextStep(): Promise<StateView>;
  /** The previous slide; before step 1 comes the title card. */
  prevStep(): Promise<StateView>;
  /** The scenario's chapters in order (empty when it has none). */
  chapters(): ChapterView[];
  /** Goes to the first step of a chapter (rejects for an unknown id). */
  goToChapter(id: string): Promise<StateView>;
  /** Shows the title card ('title'), the method page ('method'), or closes either (null). */
  showCard(card: 'title' | 'method' | null): Promise<StateView>;
  setCamera(mode: string): Promise<StateView>;
  setLanguage(code: string): Promise<StateView>;
  /** Shows or hides a layer: corridor, claims, jamming, profile. */
  setLayer(id: string, visible: boolean): Promise<StateView>;
  /** Drawing quality: auto (adapts to the frame rate), high or low. */
  setQuality(quality: string): Promise<StateView>;
  /** Resolves (with the state) once the camera has arrived at its shot and that frame is drawn. */
  settled(): Promise<StateView>;
  /** Figures for the benchmark and tests. */
  stats(): FrameStats;
  /** The three.js overlay, for tests and the benchmark (set by main.ts; absent without WebGL). */
  overlay?: OverlayDebug;
  /** Test-only hooks of the globe and its offline map (set by main.ts; absent without WebGL). */
  debug?: GlobeDebug;
  /** Enters (default) or leaves presenter mode. */
  present(on?: boolean): Promise<StateView>;
  /** A frame-exact video of a time range (see README); resolves to an MP4 or WebM Blob. */
  exportVideo(options?: ExportVideoOptions): Promise<Blob>;
  /** WebVTT ('vtt') or SRT ('srt') subtitles timed to the video that exportVideo(options) makes. */
  exportSubtitles(options: ExportVideoOptions, format: 'vtt' | 'srt'): Promise<Blob>;
  /** Stops a running export (its promise rejects with "Export canceled"); false when none runs. */
  cancelExport(): boolean;
  /** A PNG of the current view with caption and attribution. */
  snapshot(): Promise<Blob>;
  /** The labels shown on the globe now, with their boxes (empty without the 3D globe). */
  labels(): ShownLabel[];
  /**
   * Opens a flight file (any format docs/IMPORT.md lists; detected from the content). Resolves with the
   * state once the flight is drawn; rejects with an Error that says what is wrong (the flight shown stays).
   * `compare: true` draws it over the flight shown; `leg` picks a leg of a multi-leg file (default: all).
   */
  openFile(file: File, options?: { compare?: boolean; leg?: number | 'all' }): Promise<StateView>;
  /** The flight shown as czml, kml (with a tour), geojson or scenario (the app's JSON). */
  exportData(format: string): Promise<Blob>;
  /** Figures of the flight shown: fixes, span, bounds, highest altitude, format, legs. */
  trackSummary(): TrackSummary;
  /**
   * Opens (default) or closes the sources view; `tier` lists only that tier ('all': every source;
   * omitted: the filter stays as it was). Resolves with the state once drawn.
   */
  showSources(open?: boolean, options?: { tier?: string }): Promise<StateView>;
  /** Every source, in the sources view's order (tier, then publisher), with the step and claim ids it supports. */
  sources(): SourceView[];
}

export interface TrackSummary {
  points: number;
  /** ISO UTC. */
  start: string;
  end: string;
  south: number;
  west: number;
  north: number;
  east: number;
  maxAltitudeM: number;
  /** Detected format of the file shown ('scenario' for the built-in case or a scenario file). */
  format: string;
  legs: number;
  /** Compared tracks drawn over it: their labels and fix counts. */
  comparisons: { label: string; points: number; start: string; end: string }[];
}

/** Files in and out (src/ui/fileOpener.ts, src/export/data); absent in tests that build the API alone. */
export interface FileApi {
  open(file: File, options: { compare?: boolean; leg?: number | 'all' }): Promise<unknown>;
  exportData(format: string): Promise<Blob>;
}

/**
 * A label shown on the globe: its text as drawn (the short form when shortened), its box in CSS px
 * of the globe's box (the page, as the globe fills it), its priority (higher wins), its kind
 * (callout, place, airport, aircraft, claim, rejected, zone, city, map-airport, country, sea, admin1, runway).
 */
export interface ShownLabel {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  priority: number;
  kind: string;
  /** Shown in its short form (shortened for space, or a callout shrunk to its marker); the full text is on hover/focus. */
  short: boolean;
}

/** Figures for the benchmark and tests: frames drawn, and the clock time the last frame showed. */
export interface FrameStats {
  framesDrawn: number;
  /** ISO time of the state the last drawn frame showed; null before the first frame or without a globe. */
  drawnTime: string | null;
  /** Mean frame rate measured while something moved (last window of frames); null before that. */
  fps: number | null;
}

/** What the renderer reports to the API (the globe adapter; zeros and nulls without one). */
export interface RenderStats {
  framesDrawn: number;
  drawnTimeMs: number;
  qualityLevel: QualityLevel | null;
  fps: number | null;
  cameraMoving: boolean;
}

export interface GlobeDebug {
  /** Reads a CZML document with Cesium's own CzmlDataSource (tests: an independent reader of the export). */
  readCzml(text: string): Promise<{
    entities: number;
    ids: string[];
    start: string | null;
    stop: string | null;
    first: { lon: number; lat: number; heightM: number } | null;
  }>;
  /** Puts the camera at an exact view (degrees, metres); resolves once that view's imagery is drawn. */
  setView(lon: number, lat: number, heightM: number, headingDeg?: number, pitchDeg?: number): Promise<void>;
  /** Resolves once a frame has been drawn with every imagery tile of the current view loaded. */
  imageryLoaded(): Promise<void>;
  /** Where a lon/lat on the ellipsoid is on the page (CSS pixels), or null when it is not on screen. */
  project(lon: number, lat: number): { x: number; y: number } | null;
  /**
   * The offline map's labels: all of them; those in view (in their distance band, in front of the
   * horizon, on the canvas — whether drawn or hidden for space or under a panel); and those the label
   * layer draws now (as drawn: short when shortened).
   */
  basemapLabels(): { all: string[]; inView: string[]; shown: string[] };
  /** Tiles the offline map has drawn and the time it took (null until the map is loaded). */
  basemapStats(): { tilesDrawn: number; drawMs: number } | null;
  /** Label passes run (placement and drawing) and the time they took. */
  labelStats(): { frames: number; totalMs: number; msPerFrame: number };
  /** Every label the layer knows, shown or not, with why (tests: which are hidden for space). */
  labelCandidates(): LabelCandidateView[];
}

export interface LabelCandidateView {
  id: string;
  kind: string;
  /** The full text (what hover/focus shows first). */
  text: string;
  /** In its distance band, in front of the horizon, on screen and not under a panel. */
  active: boolean;
  shown: boolean;
  short: boolean;
  priority: number;
  anchor: { x: number; y: number };
  /** The point it names (degrees, metres), to zoom to it. */
  position: { lon: number; lat: number; heightM: number };
}

export interface OverlayDebug {
  /** A point of the model projected by three.js and by Cesium, in CSS pixels. */
  probe(): { three: { x: number; y: number }; cesium: { x: number; y: number } | null; cameraDistanceM: number };
  stats(): { overlayFrames: number; overlayMsPerFrame: number };
  /** Whether the aircraft is drawn (not behind the Earth) and its symbol scale (1 = true size). */
  shown(): { visible: boolean; scale: number };
}

/** Video export and snapshots (src/export/mediaService.ts); absent when the globe could not start. */
export interface MediaApi {
  exportVideo(options: ExportVideoOptions): Promise<Blob>;
  exportSubtitles(options: ExportVideoOptions, format: 'vtt' | 'srt'): Promise<Blob>;
  cancelExport(): boolean;
  snapshot(): Promise<Blob>;
}

export function stepView(scenario: Scenario, step: ReportedEvent, lang: string): StepView {
  return {
    index: step.index,
    id: step.id,
    kind: step.kind,
    time: step.kind === 'epilogue' ? step.timeText : formatIsoUtc(step.timeMs),
    title: localize(step.title, lang),
    caption: localize(step.caption, lang),
    sources: step.sources.map((id) => {
      const c = scenario.sources.get(id);
      return c ? { title: `${c.publisher}: ${c.title}`, url: c.url ?? '' } : { title: id, url: '' };
    }),
  };
}

export function chapterView(c: Chapter, lang: string): ChapterView {
  return { id: c.id, title: localize(c.title, lang), firstStep: c.firstStep, lastStep: c.lastStep };
}

function chapterViewAt(scenario: Scenario, stepIndex: number, lang: string): ChapterView | null {
  const i = chapterIndexOf(scenario, stepIndex);
  return i < 0 ? null : chapterView(scenario.chapters[i]!, lang);
}

export function createApi(
  store: Store,
  nextFrame: () => Promise<void>,
  frameStats: () => RenderStats,
  ready: Promise<void>,
  media?: MediaApi,
  cameraSettled: () => Promise<void> = nextFrame,
  labels: () => ShownLabel[] = () => [],
  files?: FileApi,
): FlightreconApi {
  const state = (): StateView => {
    const s = store.get();
    const step = s.scenario.steps[s.stepIndex];
    const a = s.aircraft;
    return {
      time: formatIsoUtc(s.timeMs),
      playing: s.playing,
      speed: s.speed,
      camera: s.camera,
      lang: s.lang,
      scenario: { id: s.scenario.id, title: localize(s.scenario.title, s.lang) },
      stepCount: s.scenario.steps.length,
      step: step ? stepView(s.scenario, step, s.lang) : null,
      aircraft: { lat: a.lat, lon: a.lon, altitudeM: a.altitudeM, headingDeg: a.headingDeg, provenance: a.provenance },
      damage: damageSummaryAt(s.scenario, s.timeMs),
      layers: LAYER_IDS.filter((id) => s.layers.has(id)),
      quality: s.quality,
      qualityLevel: frameStats().qualityLevel,
      stage: s.stage ? { x: s.stage.x, y: s.stage.y, width: s.stage.width, height: s.stage.height } : null,
      cameraMoving: frameStats().cameraMoving,
      sourcesView: { open: s.sourcesView.open, tier: s.sourcesView.tier ?? 'all' },
      card: s.card,
      chapter: s.card === 'title' ? null : chapterViewAt(s.scenario, s.stepIndex, s.lang),
    };
  };
  const drawn = async (): Promise<StateView> => {
    await nextFrame();
    return state();
  };
  const fail = (message: string): Promise<never> => Promise.reject(new Error(message));
  return {
    ready,
    state,
    steps: () => {
      const s = store.get();
      return s.scenario.steps.map((step) => stepView(s.scenario, step, s.lang));
    },
    seek: (iso) => {
      const ms = typeof iso === 'string' ? parseUtcInstant(iso) : null;
      if (ms === null) return fail(`seek: expected a UTC time like 2024-12-25T05:13:31Z, got ${String(iso)}`);
      store.seek(ms);
      return drawn();
    },
    play: () => (store.play(), drawn()),
    pause: () => (store.pause(), drawn()),
    setSpeed: (x) => {
      if (typeof x !== 'number' || !Number.isFinite(x) || x <= 0) return fail(`setSpeed: expected a positive number, got ${String(x)}`);
      store.setSpeed(x);
      return drawn();
    },
    goToStep: (ref) => (store.goToStepRef(ref) ? drawn() : fail(`goToStep: no step ${JSON.stringify(ref)}`)),
    nextStep: () => (store.nextStep(), drawn()),
    prevStep: () => (store.prevStep(), drawn()),
    chapters: () => {
      const s = store.get();
      return s.scenario.chapters.map((c) => chapterView(c, s.lang));
    },
    goToChapter: (id) => {
      const known = store.get().scenario.chapters.map((c) => c.id);
      if (typeof id !== 'string' || !known.includes(id))
        return fail(`goToChapter: no chapter ${JSON.stringify(id)}${known.length ? ` (chapters: ${known.join(', ')})` : ' (this scenario has no chapters)'}`);
      store.goToChapter(id);
      return drawn();
    },
    showCard: (card) => {
      if (card !== 'title' && card !== 'method' && card !== null) return fail(`showCard: expected "title", "method" or null, got ${JSON.stringify(card)}`);
      if (card === 'title') store.showTitle();
      else store.showCard(card);
      return drawn();
    },
    setCamera: (mode) => {
      if (typeof mode !== 'string' || !isCameraMode(mode)) return fail(`setCamera: expected one of ${CAMERA_MODES.join(', ')}`);
      store.setCamera(mode);
      return drawn();
    },
    settled: async () => {
      await cameraSettled();
      return state();
    },
    stats: () => {
      const f = frameStats();
      return { framesDrawn: f.framesDrawn, drawnTime: Number.isFinite(f.drawnTimeMs) ? formatIsoUtc(f.drawnTimeMs) : null, fps: f.fps };
    },
    setLanguage: (code) => (store.setLanguage(code) ? drawn() : fail(`setLanguage: no language ${JSON.stringify(code)} in this scenario`)),
    setLayer: (id, visible) => {
      if (typeof id !== 'string' || !isLayerId(id)) return fail(`setLayer: expected one of ${LAYER_IDS.join(', ')}, got ${JSON.stringify(id)}`);
      if (typeof visible !== 'boolean') return fail(`setLayer: expected true or false, got ${String(visible)}`);
      store.setLayer(id, visible);
      return drawn();
    },
    setQuality: (quality) => {
      if (typeof quality !== 'string' || !isQualitySetting(quality))
        return fail(`setQuality: expected one of ${QUALITY_SETTINGS.join(', ')}, got ${JSON.stringify(quality)}`);
      store.setQuality(quality);
      return drawn();
    },
    present: (on = true) => (store.setPresenting(on !== false), drawn()),
    exportVideo: (options = {}) => (media ? media.exportVideo(options) : fail('exportVideo: the 3D globe is not running')),
    exportSubtitles: (options = {}, format = 'vtt') => (media ? media.exportSubtitles(options, format) : fail('exportSubtitles: the 3D globe is not running')),
    cancelExport: () => media?.cancelExport() ?? false,
    snapshot: () => (media ? media.snapshot() : fail('snapshot: the 3D globe is not running')),
    labels,
    openFile: async (file, options = {}) => {
      if (!files) return fail('openFile: file import is not available');
      if (typeof File === 'undefined' || !(file instanceof Blob)) return fail('openFile: expected a File (or Blob)');
      const leg = options.leg;
      if (leg !== undefined && leg !== 'all' && !(Number.isInteger(leg) && leg >= 0))
        return fail(`openFile: leg must be a leg index (0, 1, …) or "all", got ${JSON.stringify(leg)}`);
      await files.open(file as File, { compare: options.compare === true, leg });
      await nextFrame();
      await cameraSettled();
      return state();
    },
    exportData: async (format) => {
      if (!files) return fail('exportData: not available');
      return files.exportData(format);
    },
    trackSummary: () => trackSummary(store),
    showSources: (open = true, options = {}) => {
      const tier = options?.tier;
      if (tier !== undefined && tier !== 'all' && !(SOURCE_TIERS as readonly string[]).includes(tier))
        return fail(`showSources: tier must be "all" or one of ${SOURCE_TIERS.join(', ')}, got ${JSON.stringify(tier)}`);
      store.showSources(open !== false, tier === undefined ? undefined : tier === 'all' ? null : (tier as SourceTierName));
      return drawn();
    },
    sources: () => sourceViews(store.get().scenario),
  };
}

function trackSummary(store: Store): TrackSummary {
  const s = store.get();
  const track = s.scenario.track;
  let south = 90;
  let north = -90;
  let west = 180;
  let east = -180;
  let maxAltitudeM = -Infinity;
  for (const p of track) {
    south = Math.min(south, p.lat);
    north = Math.max(north, p.lat);
    west = Math.min(west, p.lon);
    east = Math.max(east, p.lon);
    maxAltitudeM = Math.max(maxAltitudeM, p.altitudeM);
  }
  return {
    points: track.length,
    start: formatIsoUtc(s.scenario.startMs),
    end: formatIsoUtc(s.scenario.endMs),
    south,
    west,
    north,
    east,
    maxAltitudeM,
    format: s.origin.format,
    legs: s.origin.legs,
    comparisons: s.comparisons.map((c) => ({ label: c.label, points: c.track.length, start: formatIsoUtc(c.startMs), end: formatIsoUtc(c.endMs) })),
  };
}
