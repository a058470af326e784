/**
 * Camera modes. overview: the whole flight, north up, tilted. follow: stays with the aircraft,
 * keeping whatever orbit and zoom the user gives it with the mouse. cockpit: the pilot's eye,
 * forward. damage: a slow orbit close to the aircraft (a function of flight time). free: the mouse
 * alone. Switching flies smoothly to the new view (cameras/cameraPoses.ts has the poses).
 */
import { Cartesian3, HeadingPitchRange, Math as CesiumMath, Matrix4, Transforms, type Viewer } from 'cesium';
import { frameView, type ScreenRegion } from './frameView';
import type { AircraftPosition } from '../geo/trackPosition';
import type { CameraMode } from '../app/types';
import type { Scenario } from '../scenario/model';
import { damageTimeline } from '../scenario/damageEvent';
import { attitudeAt, createAttitude } from '../geo/attitude';
import { cockpitPose, createPose, DAMAGE_ORBIT, damageOrbitOffset, poseAround, type CameraPose } from './cameras/cameraPoses';

/** What the aircraft-bound modes need besides the position (AppState satisfies it). */
export interface CameraMoment {
  readonly timeMs: number;
  readonly scenario: Scenario;
}
const TRANSITION_S = 1.2;

const FOLLOW_START = new HeadingPitchRange(0, CesiumMath.toRadians(-35), 9000);
const OVERVIEW_PITCH = CesiumMath.toRadians(-66);
/** The part of a landscape screen that the panels leave free (clock/legend left, controls right, caption below). */
const FREE_REGION: ScreenRegion = { left: 0.32, top: 0.07, right: 0.67, bottom: 0.58 };
const FREE_REGION_PORTRAIT: ScreenRegion = { left: 0.08, top: 0.22, right: 0.92, bottom: 0.58 };

export class CameraRig {
  private mode: CameraMode | null = null;
  private extent: Cartesian3[] = [];
  private readonly target = new Cartesian3();
  private readonly frame = new Matrix4();
  private readonly offset = new Cartesian3();
  private following = false;
  private flying = false;
  private moment: CameraMoment | null = null;
  private eventScenario: Scenario | null = null;
  private eventMs = 0;
  private readonly attitude = createAttitude();
  private readonly pose = createPose();
  private readonly orbit = new HeadingPitchRange();

  constructor(private readonly viewer: Viewer) {}

  /** The flight's extent, for the overview. */
  setExtent(points: readonly Cartesian3[]): void {
    // A few dozen points describe the extent well enough for framing.
    const stride = Math.max(1, Math.floor(points.length / 80));
    this.extent = points.filter((_p, i) => i % stride === 0 || i === points.length - 1);
  }

  /** Re-frames the overview after the window changed size. */
  refit(): void {
    if (this.mode === 'overview') this.flyOverview(false);
  }

  private flyOverview(animate: boolean): void {
    const canvas = this.viewer.scene.canvas;
    const region = canvas.clientWidth >= canvas.clientHeight ? FREE_REGION : FREE_REGION_PORTRAIT;
    const view = frameView(this.viewer.scene, this.extent, region, 0, OVERVIEW_PITCH);
    if (!view) return;
    if (animate) this.viewer.camera.flyTo({ destination: view.destination, orientation: view.orientation, duration: 1.5 });
    else this.viewer.camera.setView({ destination: view.destination, orientation: view.orientation });
  }

  setMode(mode: CameraMode, aircraft: Readonly<AircraftPosition>, animate: boolean, moment?: CameraMoment): void {
    this.mode = mode;
    if (moment) this.moment = moment;
    const camera = this.viewer.camera;
    if (this.flying) camera.cancelFlight();
    this.flying = false;
    // The pilot's eye is fixed to the aircraft; every other mode keeps the mouse.
    this.viewer.scene.screenSpaceCameraController.enableInputs = mode !== 'cockpit';
    if (mode === 'overview' || mode === 'free') {
      this.following = false;
      camera.lookAtTransform(Matrix4.IDENTITY);
      if (mode === 'overview') this.flyOverview(animate);
      return;
    }
    this.following = true;
    if (!animate) {
      this.lock(mode, aircraft, true);
      return;
    }
    const pose = this.targetPose(mode, aircraft);
    this.flying = true;
    camera.lookAtTransform(Matrix4.IDENTITY);
    camera.flyTo({
      destination: Cartesian3.clone(pose.destination),
      orientation: { ...pose.orientation },
      duration: TRANSITION_S,
      complete: () => {
        this.flying = false;
        if (this.mode === mode) this.lock(mode, aircraft, true);
      },
      cancel: () => {
        this.flying = false;
      },
    });
  }

  /** Called when the aircraft moves: carries the camera along (follow keeps the user's offset). */
  update(aircraft: Readonly<AircraftPosition>, moment?: CameraMoment): void {
    if (moment) this.moment = moment;
    if (!this.following || this.flying || !this.mode) return;
    this.lock(this.mode, aircraft, false);
  }

  private lock(mode: CameraMode, aircraft: Readonly<AircraftPosition>, entering: boolean): void {
    const camera = this.viewer.camera;
    if (mode === 'follow') {
      if (!entering) Cartesian3.clone(camera.position, this.offset); // position relative to the current frame
      this.place(aircraft);
      camera.lookAtTransform(this.frame, entering ? FOLLOW_START : this.offset);
    } else if (mode === 'damage') {
      this.place(aircraft);
      camera.lookAtTransform(this.frame, this.damageOffset());
      camera.lookDown(DAMAGE_ORBIT.lookDownRad);
    } else if (mode === 'cockpit') {
      camera.lookAtTransform(Matrix4.IDENTITY);
      camera.setView(cockpitPose(aircraft, this.currentAttitude(), this.pose));
    }
  }

  private targetPose(mode: CameraMode, aircraft: Readonly<AircraftPosition>): CameraPose {
    if (mode === 'cockpit') return cockpitPose(aircraft, this.currentAttitude(), this.pose);
    return poseAround(aircraft, mode === 'damage' ? this.damageOffset() : FOLLOW_START, this.pose);
  }

  private currentAttitude() {
    const m = this.moment;
    if (m) attitudeAt(m.scenario.track, m.timeMs, this.attitude);
    return this.attitude;
  }

  private damageOffset(): HeadingPitchRange {
    const m = this.moment;
    if (m && m.scenario !== this.eventScenario) {
      this.eventScenario = m.scenario;
      this.eventMs = damageTimeline(m.scenario)?.detonations[0]?.timeMs ?? m.scenario.startMs;
    }
    return damageOrbitOffset(this.currentAttitude(), m?.timeMs ?? this.eventMs, this.eventMs, this.orbit);
  }

  private place(aircraft: Readonly<AircraftPosition>): void {
    Cartesian3.fromDegrees(aircraft.lon, aircraft.lat, aircraft.altitudeM, undefined, this.target);
    Transforms.eastNorthUpToFixedFrame(this.target, undefined, this.frame);
  }
}
