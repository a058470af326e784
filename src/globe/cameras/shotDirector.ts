/**
 * The one owner of Cesium's camera. It decides *when* a new shot is composed (a mode switch, a step
 * the reader asked for, a new stage, the aircraft leaving the stage, a jump of the clock) and moves
 * there with an eased move; *what* each shot shows is pure (src/compose/shots.ts). Presenter mode
 * uses the overview's framing with the presenter's stage; exports use the same shots, with cuts (a
 * story export: eased moves on the video's clock, setClock), and so does a reader who asks for
 * reduced motion (src/app/motion.ts: read once, changes followed).
 *
 * Modes: overview (the step's subject and the aircraft on the stage), follow (an orbit the reader
 * may turn and zoom, the aircraft kept at the stage's centre), damage (the slow orbit of the close-up),
 * cockpit (the pilot's eye), free (the mouse alone).
 */
import { Cartesian3, Matrix4, Transforms, type Viewer } from 'cesium';
import type { AppState, Change } from '../../app/store';
import type { CameraMode } from '../../app/types';
import { damageTimeline } from '../../scenario/damageEvent';
import { attitudeAt, createAttitude } from '../../geo/attitude';
import { createFrame, project, type GeoPoint, type ScreenPoint } from '../../compose/shot';
import { createOrbit, followStart, FOLLOW, orbitOf } from '../../compose/orbits';
import { cockpitShot, damageShot, followShot, fullStage, OVERVIEW_PITCH, PRESENT_PITCH, regionShotForStep, regionShotOf } from '../../compose/shots';
import { spanSubject, trackBetween, wholeFlight } from '../../compose/subject';
import { contains, type Rect } from '../../compose/stage';
import { geodeticToEcef, vec3 } from '../../compose/vec3';
import { applyAround, applyWorld, cameraAt, lensOf, readFrame, type MutableLens } from './cesiumCamera';
import { CameraMove } from './cameraMove';
import { prefersReducedMotion } from '../../app/motion';

type Shot = CameraMode | 'present';

/** Eased moves: between shots, and when only the stage changed (a panel opened). */
const MOVE_MS = 1400;
const RESTAGE_MS = 700;
/** The aircraft moved this far without playing (a step, a seek): the aircraft-bound shots move there, eased. */
const JUMP_M = 1500;
/** The overview re-frames when the aircraft comes this close (share of the stage) to the stage's edge. */
const EDGE_FRACTION = 0.04;
/** While playing, a re-framed overview keeps this much of the flight ahead in view. */
const AHEAD_MS = 10 * 60 * 1000;

export class ShotDirector {
  private shot: Shot | null = null;
  private state: AppState | null = null;
  private readonly lens: MutableLens = { width: 1, height: 1, fovy: 1 };
  /** The shot's frame now (region shots: fixed; aircraft shots: recomputed as the aircraft moves). */
  private readonly target = createFrame();
  private readonly current = createFrame();
  private readonly applied = createFrame();
  private readonly move = new CameraMove();
  private readonly orbit = createOrbit();
  private readonly attitude = createAttitude();
  private readonly anchor = new Cartesian3();
  private readonly anchorFrame = new Matrix4();
  private readonly aircraftPoint = { lat: 0, lon: 0, altitudeM: 0 };
  /** Latitude and longitude (degrees) of the anchor of the last aircraft-bound shot applied. */
  private anchorLat = 0;
  private anchorLon = 0;
  private readonly lastAircraft = vec3();
  private readonly screen: ScreenPoint = { x: 0, y: 0, depth: 0 };
  private hadStage = false;
  private instant = false;
  /** The clock moves run on (ms): the wall clock, or a video's time while a story export records. */
  private clock: (() => number) | null = null;
  private eventScenario: unknown = null;
  private eventMs = 0;
  private readonly settledWaiters: (() => void)[] = [];

  constructor(private readonly viewer: Viewer) {
    viewer.scene.preUpdate.addEventListener(this.onTick);
  }

  /** A camera move is under way (the API's `cameraMoving`; the render loop keeps drawing meanwhile). */
  get moving(): boolean {
    return this.move.active;
  }

  /** Resolves when no camera move is under way. */
  settled(): Promise<void> {
    if (!this.move.active) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /** Exports render frame by frame: every change of shot is a cut, never a move on the wall clock. */
  setInstant(on: boolean): void {
    this.instant = on;
  }

  /**
   * Moves run on this clock instead of the wall clock (a story export: move progress = video time),
   * eased even while exporting and whatever the reader's motion preference (it is the video's); null: back to the wall clock.
   */
  setClock(now: (() => number) | null): void {
    this.clock = now;
    if (!now) this.move.stop();
  }

  private now(): number {
    return this.clock ? this.clock() : performance.now();
  }

  /** Cuts instead of eased moves: exports (unless on a video clock) and a reader who asked for reduced motion. */
  private cuts(): boolean {
    return this.clock === null && (this.instant || prefersReducedMotion());
  }

  start(state: AppState): void {
    this.update(state, { time: true, step: true, playback: true, camera: true, lang: false, scenario: true, notices: false, ui: true }, true);
  }

  /** The window or the export changed the canvas size: compose the current shot again at once. */
  refit(): void {
    const s = this.state;
    if (s) this.compose(s, 0);
  }

  /** Store listener part of GlobeView. */
  update(state: AppState, change: Readonly<Change>, first = false): void {
    this.state = state;
    const shot: Shot = state.presenting ? 'present' : state.camera;
    const a = state.aircraft;
    this.aircraftPoint.lat = a.lat;
    this.aircraftPoint.lon = a.lon;
    this.aircraftPoint.altitudeM = a.altitudeM;
    const here = geodeticToEcef(a.lat, a.lon, a.altitudeM, scratchHere);
    const jumped = !state.playing && Math.hypot(here.x - this.lastAircraft.x, here.y - this.lastAircraft.y, here.z - this.lastAircraft.z) > JUMP_M;
    this.lastAircraft.x = here.x;
    this.lastAircraft.y = here.y;
    this.lastAircraft.z = here.z;
    // The first measured stage replaces the whole-canvas guess at once; later layout changes are eased.
    const firstStage = change.stage === true && !this.hadStage;
    if (state.stage) this.hadStage = true;
    const restage = change.stage === true && !firstStage;
    const still = first || firstStage || this.cuts();
    const duration = still ? 0 : MOVE_MS;
    const restageDuration = still ? 0 : RESTAGE_MS;

    if (shot !== this.shot) {
      this.enter(shot, state);
      this.compose(state, duration);
      return;
    }
    switch (shot) {
      case 'overview':
        if (change.shot || change.scenario || firstStage) this.compose(state, duration);
        else if (restage) this.restage(state, restageDuration);
        else if ((change.time || change.step) && !this.move.active && !this.aircraftOnStage(state)) this.frameAhead(state, duration);
        return;
      case 'present':
        if (change.step || change.shot || change.scenario || firstStage) this.compose(state, duration);
        else if (restage) this.restage(state, restageDuration);
        return;
      case 'follow':
      case 'damage':
      case 'cockpit':
        if (change.scenario) this.enter(shot, state);
        if (jumped && shot === 'follow') {
          // A new moment (a step, a seek): look along the direction of travel again, at the reader's pitch and zoom.
          this.readOrbit();
          this.orbit.heading = (state.aircraft.headingDeg * Math.PI) / 180;
        }
        if (jumped || change.scenario) this.compose(state, duration);
        else if (restage) this.restage(state, restageDuration);
        else if (!this.move.active && change.time) this.lockOnAircraft(state);
        return;
      case 'free':
        return;
    }
  }

  /**
   * The stage changed (a panel opened, a caption grew): the same shot, composed for the new stage,
   * unless the reader has moved the overview's camera since the last shot.
   * A move under way just gets the new target (it blends towards it every frame), so a step that
   * also resizes the caption makes one move, not two.
   */
  private restage(state: AppState, durationMs: number): void {
    // Overview: a reader who turned or zoomed the map keeps that view when a panel opens or folds.
    if ((this.shot === 'overview' || this.shot === 'present') && !this.move.active && !cameraAt(this.viewer.camera, this.applied)) return;
    if (this.move.active) {
      if (this.shot === 'overview' || this.shot === 'present') this.targetFor(state);
      return;
    }
    this.compose(state, durationMs);
  }

  /** Sets up a new shot: the follow camera's first orbit, the mouse where it may act. */
  private enter(shot: Shot, state: AppState): void {
    this.shot = shot;
    const controller = this.viewer.scene.screenSpaceCameraController;
    // The pilot's eye is fixed to the aircraft; presenter shots are composed; every other mode keeps the mouse.
    controller.enableInputs = shot !== 'cockpit';
    if (shot === 'follow') followStart(state.aircraft.headingDeg, this.orbit);
    if (shot === 'free') {
      this.move.stop();
      readFrame(this.viewer.camera, this.current);
      applyWorld(this.viewer.camera, this.current);
    }
  }

  /** Composes the shot for the state and moves there (duration 0: a cut). */
  private compose(state: AppState, durationMs: number): void {
    if (this.shot === 'free' || this.shot === null) return;
    if (!this.targetFor(state)) return;
    this.moveTo(durationMs);
  }

  private moveTo(durationMs: number): void {
    const camera = this.viewer.camera;
    if (durationMs > 0) {
      readFrame(camera, this.current);
      this.move.begin(this.current, durationMs, this.now());
      this.viewer.scene.requestRender();
      return;
    }
    this.move.stop();
    this.applyTarget();
    this.releaseSettled();
  }

  /** Writes the current shot's frame into `target`; false when there is nothing to frame. */
  private targetFor(state: AppState): boolean {
    const lens = lensOf(this.viewer.scene, this.lens);
    const stage: Rect = state.stage ?? fullStage(lens);
    const step = state.scenario.steps[state.stepIndex] ?? null;
    switch (this.shot) {
      case 'overview':
      case 'present':
        // The title card (slide 0) shows the whole route.
        if (state.card === 'title')
          return regionShotOf(wholeFlight(state.scenario), { lens, stage, pitch: this.shot === 'present' ? PRESENT_PITCH : OVERVIEW_PITCH }, this.target);
        if (state.shotSpan)
          return regionShotOf(
            [...spanSubject(state.scenario, state.shotSpan.fromMs, state.shotSpan.toMs), this.aircraftPoint],
            { lens, stage, pitch: OVERVIEW_PITCH },
            this.target,
          );
        return regionShotForStep(
          { scenario: state.scenario, step, aircraft: this.aircraftPoint, lens, stage, pitch: this.shot === 'present' ? PRESENT_PITCH : OVERVIEW_PITCH },
          this.target,
        );
      case 'follow':
        followShot(this.aircraftPoint, this.orbit, lens, stage, this.target);
        return true;
      case 'damage':
        attitudeAt(state.scenario.track, state.timeMs, this.attitude);
        damageShot(this.aircraftPoint, this.attitude, state.timeMs, this.damageEventMs(state), lens, stage, this.orbit, this.target);
        return true;
      case 'cockpit':
        attitudeAt(state.scenario.track, state.timeMs, this.attitude);
        cockpitShot(this.aircraftPoint, this.attitude, lens, stage, this.target);
        return true;
      default:
        return false;
    }
  }

  /** Overview while the flight plays or the reader scrubs: the aircraft and the next minutes of flight. */
  private frameAhead(state: AppState, durationMs: number): void {
    const lens = lensOf(this.viewer.scene, this.lens);
    const stage = state.stage ?? fullStage(lens);
    const points: GeoPoint[] = trackBetween(state.scenario, state.timeMs, Math.min(state.scenario.endMs, state.timeMs + AHEAD_MS), 12);
    points.push(this.aircraftPoint);
    // A minimum area, as for a step: a few kilometres of flight would otherwise fill the screen.
    const around = 25000 / 111320;
    points.push(
      { lat: state.aircraft.lat + around, lon: state.aircraft.lon, altitudeM: 0 },
      { lat: state.aircraft.lat - around, lon: state.aircraft.lon, altitudeM: 0 },
    );
    if (!regionShotOf(points, { lens, stage, pitch: OVERVIEW_PITCH }, this.target)) return;
    this.moveTo(durationMs);
  }

  private aircraftOnStage(state: AppState): boolean {
    const lens = lensOf(this.viewer.scene, this.lens);
    const stage = state.stage ?? fullStage(lens);
    readFrame(this.viewer.camera, this.current);
    const p = project(this.current, lens, this.lastAircraft, this.screen);
    const m = Math.min(stage.width, stage.height) * EDGE_FRACTION;
    return p.depth > 0 && contains(stage, p.x, p.y, m);
  }

  /** Aircraft-bound shots follow the aircraft; follow keeps the orbit the reader gave it. */
  private lockOnAircraft(state: AppState): void {
    if (this.shot === 'follow') this.readOrbit();
    if (!this.targetFor(state)) return;
    this.applyTarget();
  }

  /** The orbit as the reader left it (turned or zoomed with the mouse), around the last anchor. */
  private readOrbit(): void {
    const camera = this.viewer.camera;
    if (cameraAt(camera, this.applied)) return;
    readFrame(camera, this.current);
    orbitOf(this.current, this.anchorLat, this.anchorLon, this.anchor, this.orbit);
    this.orbit.range = Math.min(FOLLOW.maxRangeM, Math.max(FOLLOW.minRangeM, this.orbit.range));
  }

  private applyTarget(): void {
    const camera = this.viewer.camera;
    const p = this.aircraftPoint;
    if (this.shot === 'follow' || this.shot === 'damage') {
      Cartesian3.fromDegrees(p.lon, p.lat, p.altitudeM, undefined, this.anchor);
      this.anchorLat = p.lat;
      this.anchorLon = p.lon;
      Transforms.eastNorthUpToFixedFrame(this.anchor, undefined, this.anchorFrame);
      applyAround(camera, this.target, this.anchorFrame);
    } else applyWorld(camera, this.target);
    readFrame(camera, this.applied);
    this.viewer.scene.requestRender();
  }

  private damageEventMs(state: AppState): number {
    if (state.scenario !== this.eventScenario) {
      this.eventScenario = state.scenario;
      this.eventMs = damageTimeline(state.scenario)?.detonations[0]?.timeMs ?? state.scenario.startMs;
    }
    return this.eventMs;
  }

  /** Every animation tick: advance a move; in follow, keep the aircraft on the stage while the reader turns or zooms. */
  private readonly onTick = (): void => {
    const state = this.state;
    if (!state) return;
    if (this.move.active) {
      // The reader asked for less motion while a move was under way: it ends here, as a cut.
      if (this.clock === null && prefersReducedMotion()) this.move.stop();
      // Aircraft-bound shots: the target moves with the aircraft during the move.
      if (this.shot === 'follow' || this.shot === 'damage' || this.shot === 'cockpit') this.targetFor(state);
      const moving = this.move.step(this.target, this.now(), this.current);
      if (moving) {
        applyWorld(this.viewer.camera, this.current);
        readFrame(this.viewer.camera, this.applied);
        this.viewer.scene.requestRender();
      } else {
        this.applyTarget();
        this.releaseSettled();
      }
      return;
    }
    if (this.shot === 'follow' && !cameraAt(this.viewer.camera, this.applied)) this.lockOnAircraft(state);
  };

  private releaseSettled(): void {
    const waiters = this.settledWaiters.splice(0);
    for (const w of waiters) w();
  }
}

const scratchHere = vec3();
