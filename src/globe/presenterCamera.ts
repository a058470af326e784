/**
 * Presenter mode's camera: a smooth flight to one view per step, then still while the clock runs
 * through the step. The view is the step's own `view` from the scenario when it has one; otherwise
 * the part of the track the step covers (and its place), framed above the lower-third caption.
 */
import { BoundingSphere, Cartesian3, HeadingPitchRange, Math as CesiumMath, Matrix4, type Viewer } from 'cesium';
import type { AppState, Change } from '../app/store';
import type { ReportedEvent, Scenario } from '../scenario/model';
import { stepSpan } from '../app/presentation';
import { createAircraftPosition, positionAt } from '../geo/trackPosition';
import { frameView, type ScreenRegion } from './frameView';

/** Above the lower third, below the progress line. */
const PRESENT_REGION: ScreenRegion = { left: 0.08, top: 0.1, right: 0.92, bottom: 0.6 };
const PITCH = CesiumMath.toRadians(-55);
const FLIGHT_SECONDS = 2;
/** Smallest half-width of a framed view: short steps still show their surroundings. */
const MIN_HALF_EXTENT_M = 25000;
const SAMPLES_PER_SPAN = 24;

export class PresenterCamera {
  /** The step index the camera last flew to while presenting, or null when not presenting. */
  private shown: number | null = null;
  private readonly scratch = createAircraftPosition();
  private last: { scenario: Scenario; step: ReportedEvent | null } | null = null;

  constructor(private readonly viewer: Viewer) {}

  /**
   * Store listener part of GlobeView. Returns true once, right after presenter mode was left, so the
   * caller can restore its own camera mode.
   */
  sync(state: AppState, change: Readonly<Change>): boolean {
    if (!state.presenting) {
      const left = this.shown !== null;
      this.shown = null;
      return left;
    }
    if (this.shown === state.stepIndex && !change.scenario) return false;
    this.shown = state.stepIndex;
    this.last = { scenario: state.scenario, step: state.scenario.steps[state.stepIndex] ?? null };
    this.fly(this.last.scenario, this.last.step);
    return false;
  }

  /** Re-frames the current step after a resize (entering fullscreen); false when not presenting. */
  refit(): boolean {
    if (this.shown === null || !this.last) return false;
    this.fly(this.last.scenario, this.last.step);
    return true;
  }

  private fly(scenario: Scenario, step: ReportedEvent | null): void {
    const camera = this.viewer.camera;
    camera.cancelFlight();
    camera.lookAtTransform(Matrix4.IDENTITY);
    const view = step?.view;
    if (view) {
      const center = Cartesian3.fromDegrees(view.lon, view.lat, 0);
      const offset = new HeadingPitchRange(CesiumMath.toRadians(view.headingDeg ?? 0), CesiumMath.toRadians(view.pitchDeg ?? -55), view.rangeM);
      camera.flyToBoundingSphere(new BoundingSphere(center, 0), { offset, duration: FLIGHT_SECONDS });
      return;
    }
    const framed = frameView(this.viewer.scene, this.pointsFor(scenario, step), PRESENT_REGION, 0, PITCH);
    if (framed) camera.flyTo({ destination: framed.destination, orientation: framed.orientation, duration: FLIGHT_SECONDS });
  }

  /** The track the step covers, its place, and a minimum box around them; the whole flight otherwise. */
  private pointsFor(scenario: Scenario, step: ReportedEvent | null): Cartesian3[] {
    const span = step ? stepSpan(scenario, step) : null;
    const points: Cartesian3[] = [];
    if (!span) {
      for (const s of scenario.track) points.push(Cartesian3.fromDegrees(s.lon, s.lat, s.altitudeM));
      return points;
    }
    let lat = 0;
    let lon = 0;
    for (let i = 0; i <= SAMPLES_PER_SPAN; i++) {
      const p = positionAt(scenario.track, span.fromMs + ((span.toMs - span.fromMs) * i) / SAMPLES_PER_SPAN, this.scratch);
      points.push(Cartesian3.fromDegrees(p.lon, p.lat, p.altitudeM));
      lat += p.lat / (SAMPLES_PER_SPAN + 1);
      lon += p.lon / (SAMPLES_PER_SPAN + 1);
    }
    const place = step?.place ? scenario.places.get(step.place) : undefined;
    // A place far from the step's track (an airport being called) would shrink the track to a dot.
    if (place && Math.abs(place.lat - lat) + Math.abs(place.lon - lon) < 3) points.push(Cartesian3.fromDegrees(place.lon, place.lat, 0));
    const dLat = MIN_HALF_EXTENT_M / 111320;
    const dLon = dLat / Math.max(0.2, Math.cos(CesiumMath.toRadians(lat)));
    for (const [a, b] of [
      [-1, -1],
      [-1, 1],
      [1, -1],
      [1, 1],
    ] as const) {
      points.push(Cartesian3.fromDegrees(lon + a * dLon, lat + b * dLat, 0));
    }
    return points;
  }
}
