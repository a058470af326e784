/**
 * The Cesium adapter: reads the store's state and draws it. Owns the viewer, the track, the aircraft
 * and the camera; talks to nothing else.
 */
import type { Viewer } from 'cesium';
import type { AppState, Change } from '../app/store';
import type { GlobeDebug, ShownLabel } from '../app/api';
import type { Scenario } from '../scenario/model';
import { createViewer, type ViewerOptions } from './createViewer';
import { TrackLayer } from './trackLayer';
import { AircraftLayer } from './aircraftLayer';
import { ShotDirector } from './cameras/shotDirector';
import { addBasemap, createGlobeDebug, OnlineImagery, type Basemap } from './basemap/index.ts';
import { imageryTemplate, OSM_CREDIT } from '../app/imagery';
import { inCockpit, ReconstructionLayers } from './reconstructionLayers';
import { Sky } from './cameras/sky';
import { QualityControl } from './qualityControl';
import { RenderLoop } from './renderLoop';
import type { QualityLevel } from '../app/quality';
import { LabelLayer } from './labels/LabelLayer';
import { ComparisonLayer } from './comparisonLayer';
import { say, type Say } from '../i18n/catalogue';
import { isAppLanguage } from '../i18n/languages';

export type AircraftLabel = (state: AppState) => string;

export class GlobeView {
  readonly viewer: Viewer;
  /** Every text on the globe, placed together (src/globe/labels/). */
  private readonly labels: LabelLayer;
  private readonly track: TrackLayer;
  private readonly aircraft: AircraftLayer;
  /** Tracks opened to compare (state.comparisons). */
  private readonly comparisons: ComparisonLayer;
  private readonly director: ShotDirector;
  private readonly sky: Sky;
  private readonly reconstruction: ReconstructionLayers;
  private readonly quality: QualityControl;
  private readonly loop: RenderLoop;
  private playing = false;
  private frameWaiters: (() => void)[] = [];
  private basemap: Basemap | null = null;
  /** Opt-in online tiles over the offline map (off by default). */
  private readonly online: OnlineImagery;
  /** Settles once the offline map is added (or failed: the bundled imagery then remains). */
  private readonly basemapLoaded: Promise<void>;
  private framesDrawn = 0;
  /** The clock time of the state most recently handed to the globe, and of the last frame drawn. */
  private requestedTimeMs = Number.NaN;
  private drawnTimeMs = Number.NaN;

  private lang = 'en';

  constructor(
    container: HTMLElement,
    private readonly label: AircraftLabel,
    private readonly onProblem: (message: Say, action?: 'reload') => void = () => undefined,
    options: ViewerOptions = {},
  ) {
    this.viewer = createViewer(container, options);
    this.labels = new LabelLayer(this.viewer);
    this.track = new TrackLayer(this.viewer, this.labels);
    this.aircraft = new AircraftLayer(this.viewer, this.track.vertices, this.labels);
    this.comparisons = new ComparisonLayer(this.viewer);
    this.director = new ShotDirector(this.viewer);
    this.sky = new Sky(this.viewer.scene);
    this.reconstruction = new ReconstructionLayers(this.viewer, this.labels);
    this.quality = new QualityControl(this.viewer);
    this.loop = new RenderLoop(this.viewer, () => this.playing || this.quality.stillDue || this.director.moving);
    this.viewer.scene.postRender.addEventListener(this.onPostRender);
    window.addEventListener('resize', this.onResize);
    this.viewer.canvas.addEventListener('webglcontextlost', this.onContextLost);
    this.viewer.scene.renderError.addEventListener(this.onRenderError);
    this.online = new OnlineImagery(this.viewer, (message) => this.onProblem(message));
    this.basemapLoaded = addBasemap(this.viewer, { language: 'en', labelLayer: this.labels }).then(
      (basemap) => {
        this.basemap = basemap;
        basemap.setLanguage(isAppLanguage(this.lang) ? this.lang : 'en');
        this.viewer.scene.requestRender();
      },
      (err: unknown) => this.onProblem(say('notices', 'offlineMapFailed', { why: String((err as Error).message ?? err) })),
    );
  }

  private contextLost = false;
  private readonly onContextLost = (event: Event): void => {
    event.preventDefault();
    if (this.contextLost) return;
    this.contextLost = true;
    this.loop.stop();
    this.onProblem(say('notices', 'contextLost'), 'reload');
    this.releaseFrameWaiters();
  };

  private readonly onRenderError = (_scene: unknown, error: unknown): void => {
    if (this.contextLost) return;
    this.contextLost = true;
    this.loop.stop();
    this.onProblem(say('notices', 'renderError', { why: String((error as Error)?.message ?? error) }), 'reload');
    this.releaseFrameWaiters();
  };

  /** Without a globe, calls waiting for a frame resolve on the next animation frame instead. */
  private releaseFrameWaiters(): void {
    const waiters = this.frameWaiters;
    this.frameWaiters = [];
    requestAnimationFrame(() => waiters.forEach((w) => w()));
  }

  private resizeTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly onResize = (): void => {
    if (this.resizeTimer) clearTimeout(this.resizeTimer);
    this.resizeTimer = setTimeout(() => this.refit(), 150);
  };

  /** Applies a new canvas size at once and re-frames the camera (window resize, export at a fixed size). */
  refit(): void {
    this.viewer.resize();
    this.director.refit();
    this.viewer.scene.requestRender();
  }

  private readonly onPostRender = (): void => {
    this.framesDrawn++;
    this.drawnTimeMs = this.requestedTimeMs;
    if (this.framesDrawn === 1) performance.mark('flightrecon:first-frame');
    if (this.frameWaiters.length === 0) return;
    const waiters = this.frameWaiters;
    this.frameWaiters = [];
    for (const w of waiters) w();
  };

  /** Draws the first state; call once after construction. */
  start(state: AppState): void {
    this.lang = state.lang;
    this.requestedTimeMs = state.timeMs;
    this.showScenario(state.scenario, state.lang);
    this.reconstruction.start(state);
    this.aircraft.update(state.aircraft, state.timeMs, this.label(state));
    this.comparisons.show(state.comparisons, state.timeMs);
    this.director.start(state);
    this.showCockpit(state);
    this.labels.update(state, {
      time: true,
      step: true,
      playback: true,
      camera: true,
      lang: true,
      scenario: true,
      notices: true,
      ui: true,
      layers: true,
      stage: true,
    });
    this.showImagery(state.imagery);
    this.playing = state.playing;
    this.quality.set(state.quality, state.playing);
    this.viewer.scene.requestRender();
  }

  private showImagery(setting: string): void {
    this.online.set(imageryTemplate(setting), setting === 'osm' ? OSM_CREDIT : undefined);
  }

  /** Store listener. */
  readonly render = (state: AppState, change: Readonly<Change>): void => {
    this.requestedTimeMs = state.timeMs;
    this.reconstruction.update(state, change);
    if (change.scenario) this.showScenario(state.scenario, state.lang);
    else if (change.lang) this.track.relabel(state.lang);
    if (change.imagery) this.showImagery(state.imagery);
    this.playing = state.playing;
    if (change.quality || change.playback) this.quality.set(state.quality, state.playing);
    if (change.lang) {
      this.lang = state.lang;
      this.basemap?.setLanguage(isAppLanguage(state.lang) ? state.lang : 'en');
    }
    if (change.time || change.scenario || change.lang) this.aircraft.update(state.aircraft, state.timeMs, this.label(state));
    if (change.comparisons || change.scenario) this.comparisons.show(state.comparisons, state.timeMs);
    else if (change.time) this.comparisons.update(state.timeMs);
    if (change.camera || change.ui) this.showCockpit(state);
    if (change.ui) this.quality.setPresenting(state.presenting);
    this.director.update(state, change);
    this.labels.update(state, change);
    this.viewer.scene.requestRender();
  };

  /** The labels shown now (the API's labels()). */
  shownLabels(): ShownLabel[] {
    return this.labels.shown();
  }

  /** Frames drawn since start (for the benchmark and tests). */
  get frames(): number {
    return this.framesDrawn;
  }

  /** The quality tier drawn now, and the frame rate measured while moving (src/globe/qualityControl.ts). */
  get qualityLevel(): QualityLevel {
    return this.quality.level;
  }

  get measuredFps(): number | null {
    return this.quality.measuredFps;
  }

  /** Holds the best quality tier while exporting (exact output size and look), or lets go. */
  holdBestQuality(on: boolean): void {
    this.quality.hold(on);
    // Exports draw frame by frame: camera moves would run on the wall clock, so shots change by cuts.
    this.director.setInstant(on);
  }

  /** While on, shots change by cuts (snapshots compose for their own burned-in texts). */
  cutCamera(on: boolean): void {
    this.director.setInstant(on || this.quality.isHeld);
  }

  /** Camera moves run on this clock (ms; a story export's video time), eased even while exporting; null: the wall clock. */
  cameraClock(now: (() => number) | null): void {
    this.director.setClock(now);
  }

  /** A camera move is under way. */
  get cameraMoving(): boolean {
    return this.director.moving;
  }

  /** Resolves when the camera has arrived at its shot and that frame is drawn. */
  async cameraSettled(): Promise<void> {
    await this.director.settled();
    await this.nextFrame();
  }

  /** The clock time shown by the last frame drawn (NaN before the first frame). */
  get drawnTime(): number {
    return this.drawnTimeMs;
  }

  /** Resolves after the next frame has been drawn. */
  nextFrame(): Promise<void> {
    return new Promise((resolve) => {
      if (this.contextLost) {
        requestAnimationFrame(() => resolve());
        return;
      }
      this.frameWaiters.push(resolve);
      this.viewer.scene.requestRender();
    });
  }

  /** Test-only hooks (window.flightrecon.debug): exact views, screen positions, offline-map figures. */
  debug(): GlobeDebug {
    return createGlobeDebug(
      this.viewer,
      () => this.basemap,
      () => this.whenImageryLoaded(),
      () => this.labels.stats(),
      () => this.labels.describe(),
    );
  }

  /** Resolves once a frame has been drawn with all imagery tiles loaded. */
  async whenImageryLoaded(): Promise<void> {
    const globe = this.viewer.scene.globe;
    await this.basemapLoaded;
    for (;;) {
      await this.nextFrame();
      if (this.contextLost || (this.framesDrawn > 0 && globe.tilesLoaded)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** From the pilot's eye: a sky, and none of what only an outside observer sees (curtain, uncertainty areas, marker, trail). */
  private showCockpit(state: AppState): void {
    const cockpit = inCockpit(state);
    this.track.setOutsideMarksVisible(!cockpit);
    this.aircraft.setFromOutside(!cockpit);
    this.comparisons.setOutsideMarksVisible(!cockpit);
    const horizon = !state.presenting && (state.camera === 'follow' || state.camera === 'damage');
    this.sky.set(cockpit ? 'cockpit' : horizon ? 'horizon' : 'map');
  }

  private showScenario(scenario: Scenario, lang: string): void {
    this.track.show(scenario, lang);
  }
}
