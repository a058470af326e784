/**
 * The three.js adapter: the E190 model, its damaged parts and the claimed bursts, drawn on a
 * canvas stacked over Cesium's and rendered right after each Cesium frame (scene.postRender) with
 * Cesium's camera. Reads the store's state; draws; writes nothing back. Per frame it only writes
 * into objects made here once.
 */
import { Cartesian3, Ellipsoid, Matrix4, SceneTransforms, Transforms, type PerspectiveFrustum, type Scene } from 'cesium';
import { AmbientLight, DirectionalLight, Group, HemisphereLight, PerspectiveCamera, Scene as ThreeScene, Vector3, WebGLRenderer } from 'three';
import type { AppState, Change } from '../app/store';
import type { Scenario } from '../scenario/model';
import { createDamageState, damageStateAt, damageTimeline, type DamageState, type DamageTimeline } from '../scenario/damageEvent';
import { attitudeAt, createAttitude } from '../geo/attitude';
import { createAircraftPosition, positionAt } from '../geo/trackPosition';
import { bodyToEnu } from '../geo/bodyFrame';
import { pixelsPerMetre, symbolScale } from '../compose/aircraftSymbol';
import { AircraftModel } from './aircraftModel';
import { BurstView } from './burstView';
import { isBehindEarth, syncCamera } from './cameraSync';
import { OVERALL_LENGTH_M } from './e190Shape';
import './overlay.css';

/** A grown burst (about 60 m) never gets smaller on screen than this radius. */
const MIN_BURST_PX = 18;
const GROWN_BURST_M = 60;
const DEG = Math.PI / 180;

export interface ProjectionProbe {
  /** The probe point in CSS pixels as three.js and as Cesium project it. */
  three: { x: number; y: number };
  cesium: { x: number; y: number } | null;
  cameraDistanceM: number;
}

export class OverlayView {
  private readonly renderer: WebGLRenderer;
  private readonly scene3 = new ThreeScene();
  private readonly camera3 = new PerspectiveCamera();
  private readonly world = new Group();
  private readonly model = new AircraftModel();
  private bursts: BurstView[] = [];
  private state: AppState | null = null;
  private timeline: DamageTimeline | null = null;
  private damage: DamageState = createDamageState(null);
  private burstPoints: Cartesian3[] = [];
  private readonly attitude = createAttitude();
  private readonly anchor = new Cartesian3();
  private readonly enu = new Matrix4();
  private readonly enuInverse = new Matrix4();
  private readonly local = new Cartesian3();
  private framesDrawn = 0;
  private msTotal = 0;
  private lastWidth = 0;
  private lastHeight = 0;
  private lastBufferWidth = 0;
  private visible = false;

  constructor(
    container: HTMLElement,
    private readonly cesiumScene: Scene,
  ) {
    const canvas = document.createElement('canvas');
    canvas.className = 'overlay-canvas';
    canvas.dataset.testid = 'overlay-canvas';
    container.append(canvas);
    // preserveDrawingBuffer: the overlay's pixels stay readable between frames (tests read them).
    this.renderer = new WebGLRenderer({ canvas, alpha: true, antialias: true, preserveDrawingBuffer: true });
    this.renderer.setClearColor(0x000000, 0);
    this.camera3.matrixAutoUpdate = false;
    this.camera3.matrixWorldAutoUpdate = false;
    this.scene3.add(new HemisphereLight('#ffffff', '#55606c', 2.2), new AmbientLight('#ffffff', 0.4));
    const sun = new DirectionalLight('#ffffff', 1.6);
    sun.position.set(0.4, 0.6, 1);
    this.scene3.add(sun, this.world);
    this.world.add(this.model.root);
    cesiumScene.postRender.addEventListener(this.draw);
  }

  start(state: AppState): void {
    this.setScenario(state.scenario);
    this.render(state, { time: true, step: true, playback: true, camera: true, lang: true, scenario: false, notices: false, ui: true });
  }

  /** Store listener: remembers the state; the next Cesium frame draws it. */
  readonly render = (state: AppState, change: Readonly<Change>): void => {
    this.state = state;
    if (change.scenario) this.setScenario(state.scenario);
    if (change.time || change.scenario || change.camera) this.cesiumScene.requestRender();
  };

  private setScenario(scenario: Scenario): void {
    this.timeline = damageTimeline(scenario);
    this.damage = createDamageState(this.timeline);
    for (const b of this.bursts) this.world.remove(b.root);
    const detonations = this.timeline?.detonations ?? [];
    this.bursts = detonations.map((d, i) => new BurstView(`burst-${d.stepId}`, 7919 * (i + 1)));
    for (const b of this.bursts) this.world.add(b.root);
    this.burstPoints = detonations.map((d) => this.burstPosition(scenario, d.timeMs, d.offsetBodyM));
  }

  /** Where a burst is in the world: the aircraft's body offset at the moment of detonation (computed once). */
  private burstPosition(scenario: Scenario, timeMs: number, offset: readonly [number, number, number]): Cartesian3 {
    const p = positionAt(scenario.track, timeMs, createAircraftPosition());
    const att = attitudeAt(scenario.track, timeMs, createAttitude());
    // Body to ENU by heading only (the few degrees of pitch and bank do not matter at ten metres).
    const e = bodyToEnu({ headingDeg: att.headingDeg, pitchDeg: 0, bankDeg: 0 }, offset[0], offset[1], offset[2], { east: 0, north: 0, up: 0 });
    const origin = Cartesian3.fromDegrees(p.lon, p.lat, p.altitudeM);
    const frame = Transforms.eastNorthUpToFixedFrame(origin);
    return Matrix4.multiplyByPoint(frame, new Cartesian3(e.east, e.north, e.up), new Cartesian3());
  }

  private resize(): void {
    const canvas = this.cesiumScene.canvas;
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    // The globe's drawing buffer also changes with the quality tier (resolution scale).
    if (w === this.lastWidth && h === this.lastHeight && canvas.width === this.lastBufferWidth) return;
    this.lastBufferWidth = canvas.width;
    this.lastWidth = w;
    this.lastHeight = h;
    // Same drawing-buffer density as Cesium's canvas (it may render below the device pixel ratio).
    this.renderer.setPixelRatio(w > 0 ? canvas.width / w : 1);
    this.renderer.setSize(w, h, false);
  }

  private readonly draw = (): void => {
    const state = this.state;
    if (!state) return;
    const t0 = performance.now();
    this.resize();
    const cam = this.cesiumScene.camera;
    const a = state.aircraft;
    Cartesian3.fromDegrees(a.lon, a.lat, a.altitudeM, Ellipsoid.WGS84, this.anchor);
    Transforms.eastNorthUpToFixedFrame(this.anchor, Ellipsoid.WGS84, this.enu);
    Matrix4.inverseTransformation(this.enu, this.enuInverse);
    damageStateAt(this.timeline, state.timeMs, this.damage);
    attitudeAt(state.scenario.track, state.timeMs, this.attitude);

    const dist = Cartesian3.distance(cam.positionWC, this.anchor);
    const visible = !isBehindEarth(cam.positionWC, this.anchor);
    this.visible = visible;
    this.world.visible = visible;
    // Metres to pixels at the aircraft; below MIN_SYMBOL_PX (src/compose/aircraftSymbol.ts) the model (and the bursts) grow into a symbol.
    const fovy = (cam.frustum as PerspectiveFrustum).fovy ?? Math.PI / 3;
    const pxPerM = pixelsPerMetre(dist, fovy, this.lastHeight);
    const scale = symbolScale(OVERALL_LENGTH_M, pxPerM);
    const m = this.model.root;
    m.rotation.set(this.attitude.pitchDeg * DEG, this.attitude.bankDeg * DEG, -this.attitude.headingDeg * DEG, 'ZXY');
    m.scale.setScalar(scale);
    this.model.showDamage(this.damage.partsHit);
    const burstScale = Math.max(1, MIN_BURST_PX / (GROWN_BURST_M * pxPerM));
    let reach = 40 * scale;
    for (let i = 0; i < this.bursts.length; i++) {
      const b = this.damage.bursts[i]!;
      const view = this.bursts[i]!;
      Matrix4.multiplyByPoint(this.enuInverse, this.burstPoints[i]!, this.local);
      view.root.position.set(this.local.x, this.local.y, this.local.z);
      view.update(b, burstScale, 3);
      if (b.visible) reach = Math.max(reach, Cartesian3.magnitude(this.local) + b.fragmentRadiusM * burstScale);
    }
    const near = Math.max(0.1, (dist - reach) * 0.9);
    syncCamera(cam, this.enu, near, dist + reach + 10, this.camera3);
    this.renderer.render(this.scene3, this.camera3);
    this.framesDrawn++;
    this.msTotal += performance.now() - t0;
  };

  /** World (ENU) point to CSS pixels in place; z keeps NDC depth (> 1: behind the camera). */
  private project(p: Vector3): Vector3 {
    p.project(this.camera3);
    const z = p.z;
    p.set(((p.x + 1) / 2) * this.lastWidth, ((1 - p.y) / 2) * this.lastHeight, z);
    return p;
  }

  /** For tests: a point near the aircraft (the fin tip) projected by three.js and by Cesium. */
  probe(): ProjectionProbe {
    const local = new Vector3(0, -16.5, 7.6).applyMatrix4(this.model.root.matrixWorld);
    const ecef = Matrix4.multiplyByPoint(this.enu, new Cartesian3(local.x, local.y, local.z), new Cartesian3());
    const three = this.project(local.clone());
    const c = SceneTransforms.worldToWindowCoordinates(this.cesiumScene, ecef);
    return {
      three: { x: three.x, y: three.y },
      cesium: c ? { x: c.x, y: c.y } : null,
      cameraDistanceM: Cartesian3.distance(this.cesiumScene.camera.positionWC, ecef),
    };
  }

  /** For the benchmark: frames drawn and the time spent in the overlay. */
  stats(): { overlayFrames: number; overlayMsPerFrame: number } {
    return { overlayFrames: this.framesDrawn, overlayMsPerFrame: this.framesDrawn ? this.msTotal / this.framesDrawn : 0 };
  }

  /** What the overlay shows now (for tests and the API). */
  get shown(): { visible: boolean; scale: number } {
    return { visible: this.visible, scale: this.model.root.scale.x };
  }
}
