/**
 * The Cesium adapter: reads the store's state and draws it. Owns the viewer, the track, the aircraft
 * and the camera; talks to nothing else.
 */
import type { Viewer } from 'cesium';
import type { AppState, Change } from '../app/store';
import type { Scenario } from '../scenario/model';
import { createViewer, type ViewerOptions } from './createViewer';
import { TrackLayer } from './trackLayer';
import { AircraftLayer } from './aircraftLayer';
import { CameraRig } from './cameraRig';

export type AircraftLabel = (state: AppState) => string;

export class GlobeView {
  readonly viewer: Viewer;
  private readonly track: TrackLayer;
  private readonly aircraft: AircraftLayer;
  private readonly camera: CameraRig;
  private frameWaiters: (() => void)[] = [];
  private framesDrawn = 0;

  constructor(
    container: HTMLElement,
    private readonly label: AircraftLabel,
    options: ViewerOptions = {},
  ) {
    this.viewer = createViewer(container, options);
    this.track = new TrackLayer(this.viewer);
    this.aircraft = new AircraftLayer(this.viewer, this.track.vertices);
    this.camera = new CameraRig(this.viewer);
    this.viewer.scene.postRender.addEventListener(this.onPostRender);
    window.addEventListener('resize', this.onResize);
  }

  private resizeTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly onResize = (): void => {
    if (this.resizeTimer) clearTimeout(this.resizeTimer);
    this.resizeTimer = setTimeout(() => {
      this.viewer.resize();
      this.camera.refit();
      this.viewer.scene.requestRender();
    }, 150);
  };

  private readonly onPostRender = (): void => {
    this.framesDrawn++;
    if (this.framesDrawn === 1) performance.mark('flightrecon:first-frame');
    if (this.frameWaiters.length === 0) return;
    const waiters = this.frameWaiters;
    this.frameWaiters = [];
    for (const w of waiters) w();
  };

  /** Draws the first state; call once after construction. */
  start(state: AppState): void {
    this.showScenario(state.scenario, state.lang);
    this.aircraft.update(state.aircraft, state.timeMs, this.label(state));
    this.camera.setMode(state.camera, state.aircraft, false);
    this.viewer.scene.requestRender();
  }

  /** Store listener. */
  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (change.scenario) this.showScenario(state.scenario, state.lang);
    else if (change.lang) this.track.relabel(state.lang);
    if (change.time || change.scenario || change.lang) {
      this.aircraft.update(state.aircraft, state.timeMs, this.label(state));
      this.camera.update(state.aircraft);
    }
    if (change.camera || change.scenario) this.camera.setMode(state.camera, state.aircraft, true);
    this.viewer.scene.requestRender();
  };

  /** Frames drawn since start (for the benchmark and tests). */
  get frames(): number {
    return this.framesDrawn;
  }

  /** Resolves after the next frame has been drawn. */
  nextFrame(): Promise<void> {
    return new Promise((resolve) => {
      this.frameWaiters.push(resolve);
      this.viewer.scene.requestRender();
    });
  }

  /** Resolves once a frame has been drawn with all imagery tiles loaded. */
  async whenImageryLoaded(): Promise<void> {
    const globe = this.viewer.scene.globe;
    for (;;) {
      await this.nextFrame();
      if (this.framesDrawn > 0 && globe.tilesLoaded) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private showScenario(scenario: Scenario, lang: string): void {
    this.track.show(scenario, lang);
    this.camera.setExtent(this.track.vertices.map((v) => v.position));
  }
}
