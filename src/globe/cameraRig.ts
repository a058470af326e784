/**
 * Camera modes. overview: the whole flight, north up, tilted. follow: stays with the aircraft,
 * keeping whatever orbit and zoom the user gives it with the mouse.
 */
import { Cartesian3, HeadingPitchRange, Math as CesiumMath, Matrix4, Transforms, type Viewer } from 'cesium';
import { frameView, type ScreenRegion } from './frameView';
import type { AircraftPosition } from '../geo/trackPosition';
import type { CameraMode } from '../app/types';

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

  setMode(mode: CameraMode, aircraft: Readonly<AircraftPosition>, animate: boolean): void {
    this.mode = mode;
    const camera = this.viewer.camera;
    if (mode === 'overview') {
      this.following = false;
      camera.lookAtTransform(Matrix4.IDENTITY);
      this.flyOverview(animate);
    } else {
      this.following = true;
      this.place(aircraft);
      camera.lookAtTransform(this.frame, FOLLOW_START);
    }
  }

  /** Called when the aircraft moves: carries the camera along, keeping its offset. */
  update(aircraft: Readonly<AircraftPosition>): void {
    if (this.mode !== 'follow' || !this.following) return;
    const camera = this.viewer.camera;
    Cartesian3.clone(camera.position, this.offset); // position relative to the current frame
    this.place(aircraft);
    camera.lookAtTransform(this.frame, this.offset);
  }

  private place(aircraft: Readonly<AircraftPosition>): void {
    Cartesian3.fromDegrees(aircraft.lon, aircraft.lat, aircraft.altitudeM, undefined, this.target);
    Transforms.eastNorthUpToFixedFrame(this.target, undefined, this.frame);
  }
}
