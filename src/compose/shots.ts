/**
 * Stage + subject + mode -> camera frame: the one place that decides what each camera mode shows.
 * Pure and unit-tested; src/globe/cameras/shotDirector.ts decides *when* to compose a new shot and
 * applies it to Cesium's camera (with eased moves and the reader's mouse).
 *
 * - overview / present: the step's subject (src/compose/subject.ts) and the aircraft, as large as
 *   fits inside the stage (less a margin), north up, tilted;
 * - follow: an orbit around the aircraft (the reader may turn and zoom it), the aircraft at the
 *   stage's centre;
 * - damage: the slow orbit of the damage close-up, a function of flight time;
 * - cockpit: the pilot's eye, the course ahead through the stage's centre, banked with the aircraft.
 */
import type { Attitude } from '../geo/attitude';
import type { ReportedEvent, Scenario } from '../scenario/model';
import { cockpitEye, damageOrbit, type Orbit } from './orbits';
import { eyeShot, orbitShot, regionShot, type CameraFrame, type GeoPoint, type Lens } from './shot';
import type { Rect } from './stage';
import { stepSubject } from './subject';
import { geodeticToEcef, vec3 } from './vec3';

const DEG = Math.PI / 180;

/** Region shots: north up, looking down at these angles. */
export const OVERVIEW_PITCH = -60 * DEG;
export const PRESENT_PITCH = -55 * DEG;
/**
 * Part of the stage's shorter side kept free around a framed subject, and at least the aircraft
 * symbol's half-size (it never draws smaller than 46 px) plus room for its label.
 */
const MARGIN_FRACTION = 0.07;
const MIN_MARGIN_PX = 48;

/** The stage less a margin: where a framed subject must fit. */
export function framingArea(stage: Rect): Rect {
  const m = Math.max(MIN_MARGIN_PX, Math.min(stage.width, stage.height) * MARGIN_FRACTION);
  const width = Math.max(1, stage.width - 2 * m);
  const height = Math.max(1, stage.height - 2 * m);
  return { x: stage.x + (stage.width - width) / 2, y: stage.y + (stage.height - height) / 2, width, height };
}

/** The whole canvas, when the HUD has not been measured (or is hidden). */
export function fullStage(lens: Lens): Rect {
  return { x: 0, y: 0, width: lens.width, height: lens.height };
}

export interface RegionInput {
  readonly scenario: Scenario;
  readonly step: ReportedEvent | null;
  readonly aircraft: GeoPoint;
  readonly lens: Lens;
  readonly stage: Rect;
  readonly pitch: number;
}

/**
 * The overview and presenter shot of a step: its `view` when the file gives one (an orbit around
 * that point, moved onto the stage), else its subject and the aircraft framed inside the stage.
 */
export function regionShotForStep(input: RegionInput, frame: CameraFrame): boolean {
  const { step, lens, stage } = input;
  const view = step?.view;
  if (view) {
    orbitShot({ lat: view.lat, lon: view.lon, altitudeM: 0 }, (view.headingDeg ?? 0) * DEG, (view.pitchDeg ?? -55) * DEG, view.rangeM, lens, stage, frame);
    return true;
  }
  return regionShotOf([...stepSubject(input.scenario, step), input.aircraft], input, frame);
}

/** A region shot of given points (and the aircraft) inside the stage. */
export function regionShotOf(points: readonly GeoPoint[], input: Pick<RegionInput, 'lens' | 'stage' | 'pitch'>, frame: CameraFrame): boolean {
  const ecef = points.map((p) => geodeticToEcef(p.lat, p.lon, p.altitudeM, vec3()));
  return regionShot(ecef, 0, input.pitch, input.lens, framingArea(input.stage), frame);
}

/** The follow camera: the orbit around the aircraft, the aircraft at the stage's centre. */
export function followShot(aircraft: GeoPoint, orbit: Readonly<Orbit>, lens: Lens, stage: Rect, frame: CameraFrame): CameraFrame {
  return orbitShot(aircraft, orbit.heading, orbit.pitch, orbit.range, lens, stage, frame);
}

/** The damage close-up at a moment: its slow orbit, the aircraft at the stage's centre. */
export function damageShot(
  aircraft: GeoPoint,
  attitude: Readonly<Attitude>,
  timeMs: number,
  eventMs: number,
  lens: Lens,
  stage: Rect,
  orbit: Orbit,
  frame: CameraFrame,
): CameraFrame {
  damageOrbit(attitude, timeMs, eventMs, orbit);
  return orbitShot(aircraft, orbit.heading, orbit.pitch, orbit.range, lens, stage, frame);
}

const eye = vec3();
const forward = vec3();
const localUp = vec3();

/** The pilot's eye: forward along the attitude, a little down, the course ahead at the stage's centre. */
export function cockpitShot(aircraft: GeoPoint, attitude: Readonly<Attitude>, lens: Lens, stage: Rect, frame: CameraFrame): CameraFrame {
  cockpitEye(aircraft.lat, aircraft.lon, aircraft.altitudeM, attitude, eye, forward, localUp);
  return eyeShot(eye, forward, localUp, attitude.bankDeg * DEG, lens, stage, frame);
}
