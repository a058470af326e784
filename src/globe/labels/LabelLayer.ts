/**
 * Every text on the globe, placed together and drawn on one 2D canvas above the globe and the
 * three.js overlay. Owners hand in their labels by group; each frame the camera or the clock moved,
 * the layer projects the labels with Cesium (frustum offsets included), keeps those in their
 * distance band and in front of the horizon, and lets the pure placement (src/compose/labels)
 * decide what shows where, short or full, with leader lines — keeping off the HUD panels and the
 * aircraft. Being a canvas inside the globe's container, the labels are in exports and snapshots.
 */
import { Cartesian2, Cartesian3, Matrix4, SceneTransforms, type Viewer } from 'cesium';
import type { AppState, Change } from '../../app/store';
import type { LabelCandidateView, ShownLabel } from '../../app/api';
import { LabelPlacer, labelPriority, type LabelCandidate, type Obstacle } from '../../compose/labels';
import { attitudeAt, createAttitude } from '../../geo/attitude';
import { isBehindEarthXyz } from '../../geo/horizon';
import { AircraftFootprint } from './aircraftFootprint';
import { DamageCallouts } from './damageCallouts';
import { drawDot, drawLeader, drawText, measure } from './labelPainter';
import { LabelHits } from './labelHits';
import { describeLabels, shownLabels } from './labelViews';
import type { MapLabel } from './mapLabel';
import './labels.css';

/** Labels grow a little on tall screens (a 1080p projector), the same on screen and in an export of that size. */
export function labelScale(viewHeightPx: number): number {
  return Math.min(1.4, Math.max(1, viewHeightPx / 900));
}

/** Room kept around the aircraft's box (CSS px). */
const AIRCRAFT_MARGIN_PX = 4;
/** Subject labels may move this far out (ring) with a leader line, and keep their full text up to SUBJECT_FULL_RINGS before they shorten. */
const SUBJECT_RING = 4;
const SUBJECT_FULL_RINGS = 2;
/** A callout box may move out of the aircraft's box this far; shrunk to its marker it stays close. */
const CALLOUT_RING = 4;
const CALLOUT_MARKER_RING = 1;

interface Group {
  labels: readonly MapLabel[];
  visible: boolean;
}

/** How far outside the view (fraction of its size) a callout's point may be and still get its callout, at the edge. */
const CALLOUT_REACH = 0.25;
const EDGE_INSET_PX = 6;

function clampNearView(c: LabelCandidate, width: number, height: number): void {
  const x = c.anchorX;
  const y = c.anchorY;
  if (x < -width * CALLOUT_REACH || x > width * (1 + CALLOUT_REACH) || y < -height * CALLOUT_REACH || y > height * (1 + CALLOUT_REACH)) return;
  c.anchorX = Math.min(width - EDGE_INSET_PX, Math.max(EDGE_INSET_PX, x));
  c.anchorY = Math.min(height - EDGE_INSET_PX, Math.max(EDGE_INSET_PX, y));
}

export class LabelLayer {
  readonly root = document.createElement('div');
  private readonly canvas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D;
  private readonly hits: LabelHits;
  private readonly groups = new Map<string, Group>();
  private readonly groupOf = new Map<MapLabel, Group>();
  private all: MapLabel[] = [];
  private candidates: LabelCandidate[] = [];
  private readonly placer = new LabelPlacer();
  /** The HUD panels (from the store) and, per frame, the aircraft: references into `panels` and `aircraftBox`. */
  private readonly panels: Obstacle[] = [];
  private panelCount = 0;
  private readonly obstacles: Obstacle[] = [];
  private readonly aircraftBox: Obstacle = { x: 0, y: 0, width: 0, height: 0, hidesAnchors: false };
  private readonly footprint = new AircraftFootprint();
  private readonly callouts = new DamageCallouts();
  private readonly attitude = createAttitude();
  private readonly aircraftPosition = new Cartesian3();
  private readonly window = new Cartesian2();
  private readonly lastView = new Matrix4();
  private readonly lastProjection = new Matrix4();
  private lastWidth = 0;
  private lastHeight = 0;
  private lastRatio = 0;
  private state: AppState | null = null;
  private dirty = true;
  private scale = 1;
  private frames = 0;
  private totalMs = 0;

  constructor(private readonly viewer: Viewer) {
    this.root.className = 'globe-labels';
    this.canvas.className = 'globe-labels-canvas';
    this.canvas.dataset.testid = 'labels-canvas';
    // A CPU-backed canvas: without a GPU it does not queue behind the globe in the GPU process (docs/BASEMAP.md).
    this.ctx = this.canvas.getContext('2d', { willReadFrequently: true })!;
    this.hits = new LabelHits(() => this.lastWidth);
    this.root.append(this.canvas, this.hits.layer, this.hits.card);
    const container = viewer.container as HTMLElement;
    container.append(this.root);
    // Stay the last layer of the globe (above the three.js overlay, which is added later): on screen and in exports (DOM order).
    new MutationObserver(() => {
      if (container.lastElementChild !== this.root) container.append(this.root);
    }).observe(container, { childList: true });
    this.setGroup('callouts', this.callouts.labels);
    viewer.scene.postRender.addEventListener(this.draw);
  }

  /** Replaces a group of labels (an owner's whole set). */
  setGroup(name: string, labels: readonly MapLabel[]): void {
    const group = this.groups.get(name) ?? { labels, visible: true };
    group.labels = labels;
    this.groups.set(name, group);
    this.rebuild();
  }

  setGroupVisible(name: string, visible: boolean): void {
    const group = this.groups.get(name);
    if (!group || group.visible === visible) return;
    group.visible = visible;
    this.invalidate();
  }

  /** Something about the labels changed (texts, visibility): place and draw again with the next frame. */
  invalidate(): void {
    this.dirty = true;
    this.viewer.scene.requestRender();
  }

  /** Store listener part: subject, language, cockpit, panels, the aircraft's attitude. */
  update(state: AppState, change: Readonly<Change>): void {
    const first = this.state === null;
    this.state = state;
    if (first || change.scenario || change.lang) {
      this.callouts.setScenario(state.scenario, state.lang);
      this.rebuild();
    }
    if (first || change.time || change.scenario) {
      const a = state.aircraft;
      Cartesian3.fromDegrees(a.lon, a.lat, a.altitudeM, undefined, this.aircraftPosition);
      attitudeAt(state.scenario.track, state.timeMs, this.attitude);
      this.callouts.setTime(state.timeMs);
    }
    if (first || change.stage) this.setPanels(state);
    if (first || change.step || change.camera || change.scenario || change.lang || change.layers) {
      this.setGroupVisible('aircraft', state.camera !== 'cockpit');
      this.refreshPriorities(state);
    }
    if (change.time || change.step || change.camera || change.lang || change.scenario || change.layers || change.stage) this.invalidate();
  }

  /** The labels shown now, with their boxes in CSS px of the globe's box (the API's labels()). */
  shown(): ShownLabel[] {
    return shownLabels(this.all, this.isOn);
  }

  /** Every label with its state (tests). */
  describe(): LabelCandidateView[] {
    return describeLabels(this.all, this.isOn);
  }

  /** All texts of a group, and those shown now (tests). */
  texts(group: string): { all: string[]; shown: string[] } {
    const labels = this.groups.get(group)?.labels ?? [];
    return { all: labels.map((l) => l.lines.join(' ')), shown: labels.filter((l) => l.candidate.shown && this.isOn(l)).map((l) => l.shownText()) };
  }

  /** Label passes run and the time they took (ms), for the benchmark. */
  stats(): { frames: number; totalMs: number; msPerFrame: number } {
    return { frames: this.frames, totalMs: this.totalMs, msPerFrame: this.frames ? this.totalMs / this.frames : 0 };
  }

  private readonly isOn = (l: MapLabel): boolean => l.visible && (this.groupOf.get(l)?.visible ?? false);

  private rebuild(): void {
    this.all = [];
    this.groupOf.clear();
    for (const g of this.groups.values()) {
      for (const l of g.labels) {
        this.all.push(l);
        this.groupOf.set(l, g);
      }
    }
    this.candidates = this.all.map((l) => l.candidate);
    this.hits.retain(this.all);
    if (this.state) this.refreshPriorities(this.state);
    this.invalidate();
  }

  private refreshPriorities(state: AppState): void {
    const step = state.epilogueIndex === null ? state.scenario.steps[state.stepIndex] : undefined;
    for (const l of this.all) {
      if (l.kind !== 'callout') l.subject = Boolean(step && ((l.placeId !== null && l.placeId === step.place) || (l.stepId !== null && l.stepId === step.id)));
      l.candidate.priority = labelPriority(l.kind, l.subject, l.rank);
      l.candidate.maxRing = l.subject ? Math.max(l.maxRing, SUBJECT_RING) : l.maxRing;
      l.candidate.fullRings = l.subject ? SUBJECT_FULL_RINGS : 0;
    }
    this.hits.order(this.all);
  }

  private setPanels(state: AppState): void {
    let n = 0;
    for (const p of state.panels) {
      const o = this.panels[n] ?? (this.panels[n] = { x: 0, y: 0, width: 0, height: 0, hidesAnchors: true });
      o.x = p.x;
      o.y = p.y;
      o.width = p.width;
      o.height = p.height;
      o.hidesAnchors = true;
      n++;
    }
    this.panelCount = n;
  }

  /** The label pass, right after Cesium drew a frame; skipped when neither the view nor the labels changed. */
  private readonly draw = (): void => {
    const state = this.state;
    if (!state) return;
    const scene = this.viewer.scene;
    const camera = scene.camera;
    const width = scene.canvas.clientWidth;
    const height = scene.canvas.clientHeight;
    const ratio = window.devicePixelRatio || 1;
    const projection = camera.frustum.projectionMatrix;
    const same = width === this.lastWidth && height === this.lastHeight && ratio === this.lastRatio;
    if (!this.dirty && same && Matrix4.equals(camera.viewMatrix, this.lastView) && Matrix4.equals(projection, this.lastProjection)) return;
    const t0 = performance.now();
    this.dirty = false;
    Matrix4.clone(camera.viewMatrix, this.lastView);
    Matrix4.clone(projection, this.lastProjection);
    if (!same) this.resize(width, height, ratio);

    const cockpit = state.camera === 'cockpit';
    let count = 0;
    for (; count < this.panelCount; count++) this.obstacles[count] = this.panels[count]!;
    const seen = !cockpit && this.footprint.compute(scene, this.aircraftPosition, this.attitude, AIRCRAFT_MARGIN_PX, this.aircraftBox);
    if (seen) this.obstacles[count++] = this.aircraftBox;
    this.callouts.frame(state.timeMs, state.epilogueIndex !== null, state.camera, this.footprint, this.attitude, seen);
    this.project(seen);
    this.placer.place(this.candidates, this.candidates.length, this.obstacles, count, width, height);
    this.paint(ratio);
    this.hits.sync(this.all, this.isOn);
    this.frames++;
    this.totalMs += performance.now() - t0;
  };

  private resize(width: number, height: number, ratio: number): void {
    this.lastWidth = width;
    this.lastHeight = height;
    this.lastRatio = ratio;
    this.canvas.width = Math.max(1, Math.round(width * ratio));
    this.canvas.height = Math.max(1, Math.round(height * ratio));
    this.scale = labelScale(height);
  }

  /** Anchors on screen for the labels that take part this frame. */
  private project(aircraftSeen: boolean): void {
    const scene = this.viewer.scene;
    const cam = scene.camera.positionWC;
    const ctx = this.ctx;
    for (let i = 0; i < this.all.length; i++) {
      const l = this.all[i]!;
      const c = l.candidate;
      c.active = false;
      l.inView = false;
      if (!this.isOn(l)) continue;
      if (l.kind === 'callout') {
        c.priority = labelPriority('callout', l.subject);
        c.maxRing = l.forceShort ? CALLOUT_MARKER_RING : CALLOUT_RING;
        c.fullRings = c.maxRing;
      }
      const p = l.position;
      const d = Cartesian3.distance(cam, p);
      if (d < l.near || d > l.far) continue;
      if (isBehindEarthXyz(cam.x, cam.y, cam.z, p.x, p.y, p.z)) continue;
      const w = SceneTransforms.worldToWindowCoordinates(scene, p, this.window);
      if (!w) continue;
      c.anchorX = w.x;
      c.anchorY = w.y;
      l.inView = w.x >= 0 && w.y >= 0 && w.x <= this.lastWidth && w.y <= this.lastHeight;
      // A burst seconds old lies behind the aircraft, often just off screen while its cloud is in view:
      // its callout then points from the nearest edge, so what is claimed stays on screen while it is drawn.
      if (l.kind === 'callout') clampNearView(c, this.lastWidth, this.lastHeight);
      if (l.kind === 'aircraft') {
        // The aircraft is an obstacle of its own: its label starts outside the aircraft's box.
        const box = this.aircraftBox;
        c.markerRadius = aircraftSeen ? Math.max(box.x + box.width - w.x, w.x - box.x, box.y + box.height - w.y, w.y - box.y) : 8;
      }
      const m = measure(ctx, l, this.scale);
      const onlyShort = l.forceShort && m.shortWidth > 0;
      c.width = onlyShort ? m.shortWidth : m.fullWidth;
      c.height = onlyShort ? m.shortHeight : m.fullHeight;
      c.shortWidth = onlyShort ? 0 : m.shortWidth;
      c.shortHeight = onlyShort ? 0 : m.shortHeight;
      c.active = true;
    }
  }

  private paint(ratio: number): void {
    const ctx = this.ctx;
    const s = this.scale;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const all = this.all;
    for (let i = 0; i < all.length; i++) if (all[i]!.candidate.shown) drawLeader(ctx, all[i]!, s);
    for (let i = 0; i < all.length; i++) if (all[i]!.candidate.shown) drawDot(ctx, all[i]!, s);
    for (let i = 0; i < all.length; i++) {
      const l = all[i]!;
      if (l.candidate.shown) drawText(ctx, l, measure(ctx, l, s), s);
    }
  }
}
