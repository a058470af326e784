/**
 * Camera modes. overview: the whole flight, north up, tilted. follow: stays with the aircraft,
 * keeping whatever orbit and zoom the user gives it with the mouse.
 */
import { BoundingSphere, Cartesian3, HeadingPitchRange, Math as CesiumMath, Matrix4, Transforms, type Viewer } from 'cesium';
import type { AircraftPosition } from '../geo/trackPosition';
import type { CameraMode } from '../app/types';

const FOLLOW_START = new HeadingPitchRange(0, CesiumMath.toRadians(-35), 9000);

export class CameraRig {
  private mode: CameraMode | null = null;
  private overviewSphere = new BoundingSphere();
  private readonly target = new Cartesian3();
  private readonly frame = new Matrix4();
  private readonly offset = new Cartesian3();
  private following = false;

  constructor(private readonly viewer: Viewer) {}

  /** The flight's extent, for the overview. */
  setExtent(points: readonly Cartesian3[]): void {
    this.overviewSphere = BoundingSphere.fromPoints(points as Cartesian3[]);
  }

  setMode(mode: CameraMode, aircraft: Readonly<AircraftPosition>, animate: boolean): void {
    this.mode = mode;
    const camera = this.viewer.camera;
    if (mode === 'overview') {
      this.following = false;
      camera.lookAtTransform(Matrix4.IDENTITY);
      camera.flyToBoundingSphere(this.overviewSphere, {
        offset: new HeadingPitchRange(0, CesiumMath.toRadians(-62), this.overviewSphere.radius * 2.9),
        duration: animate ? 1.5 : 0,
      });
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
