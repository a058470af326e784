/**
 * Applies the drawing-quality tier to the Cesium viewer (resolution, FXAA, base relief, tile detail)
 * and, in `auto`, lets the governor (src/app/quality.ts) pick the tier from frame times measured
 * while frames keep coming (request-render mode draws only when something changes). When nothing
 * has moved for a moment, `auto` draws one still frame at `high`, so a paused view on a projector is
 * sharp; motion resumes at the tier the governor learned.
 */
import { Cartesian3, type ImageryLayer, type Viewer } from 'cesium';
import { QUALITY_PROFILES, QualityGovernor, type QualityLevel, type QualitySetting } from '../app/quality';

/** Quiet time after the last frame before `auto` draws the sharp still (at least; slow machines wait longer). */
const STILL_AFTER_MS = 400;
/** Camera moves smaller than these (metres; unit-direction components) are no motion. */
const POSITION_EPSILON_M = 1;
const DIRECTION_EPSILON = 1e-6;

export class QualityControl {
  private setting: QualitySetting = 'auto';
  private readonly governor = new QualityGovernor();
  private readonly base: ImageryLayer | undefined;
  private applied: QualityLevel | null = null;
  private playing = false;
  private lastFrameMs = -1;
  /** A sharp still is on screen (auto, nothing moving), and whether its frame is still to come. */
  private still = false;
  private stillPending = false;
  /**
   * The camera at the last frame (or when the still was drawn): frames count as motion only when
   * playing or when the camera moved, never when finer tiles arrive or a label changes.
   */
  private readonly lastPosition = new Cartesian3();
  private readonly lastDirection = new Cartesian3();
  /** Held at `high` (video export, snapshots): frame times do not count and nothing changes. */
  private held = false;
  /**
   * Presenting: the picture is never drawn below full resolution (a class reads it from the back);
   * slow tiers there give up anti-aliasing, relief and tile detail, and the frame rate, instead.
   */
  private presenting = false;

  constructor(private readonly viewer: Viewer) {
    this.base = viewer.imageryLayers.length > 0 ? viewer.imageryLayers.get(0) : undefined;
    viewer.scene.preUpdate.addEventListener(this.onTick);
    viewer.scene.postRender.addEventListener(this.onFrame);
    this.apply('high');
  }

  /** The tier drawn now. */
  get level(): QualityLevel {
    return this.applied ?? 'high';
  }

  /** Auto will draw a sharp still once things are quiet: the render loop must keep ticking until then. */
  get stillDue(): boolean {
    return this.setting === 'auto' && !this.held && !this.still && this.applied !== 'high';
  }

  /** Mean frame rate of the governor's last window while moving (null before one was measured). */
  get measuredFps(): number | null {
    return this.governor.fps;
  }

  /** Whether the best tier is held (an export is running). */
  get isHeld(): boolean {
    return this.held;
  }

  /** Holds the best tier (exports render frame by frame at an exact size), or lets go. */
  hold(on: boolean): void {
    if (on === this.held) return;
    this.held = on;
    this.still = this.stillPending = false;
    this.governor.hold();
    this.apply(on || this.setting === 'auto' ? 'high' : this.setting);
  }

  set(setting: QualitySetting, playing: boolean): void {
    if (playing !== this.playing) {
      this.playing = playing;
      if (playing) this.startMotion();
    }
    if (setting === this.setting) return;
    this.setting = setting;
    this.still = this.stillPending = false;
    if (this.held) return;
    if (setting === 'auto') {
      this.governor.reset('high');
      this.apply('high');
    } else this.apply(setting);
  }

  setPresenting(on: boolean): void {
    if (on === this.presenting) return;
    this.presenting = on;
    const level = this.applied;
    this.applied = null;
    this.apply(level ?? 'high');
  }

  /** Motion starts: the next interval measures the pause, and a sharp still gives way to the learned tier. */
  private startMotion(): void {
    this.governor.hold();
    if (this.setting !== 'auto' || !this.still || this.held) return;
    this.still = this.stillPending = false;
    this.apply(this.governor.level);
  }

  private readonly onFrame = (): void => {
    const now = performance.now();
    const interval = this.lastFrameMs < 0 ? -1 : now - this.lastFrameMs;
    this.lastFrameMs = now;
    if (this.stillPending) {
      this.stillPending = false;
      return;
    }
    if (this.setting !== 'auto' || this.held) return;
    const moved = this.cameraMoved();
    if (this.still) {
      // Redraws while the camera stands (a seek, a step, finer tiles arriving) keep the sharp still.
      if (moved) this.startMotion();
      return;
    }
    if (!moved && !this.playing) return;
    const next = this.governor.frame(interval, now, this.playing);
    if (next) this.apply(next);
  };

  /** Every animation tick (Cesium raises preUpdate even when no frame is due). */
  private readonly onTick = (): void => {
    if (this.setting !== 'auto' || this.held || this.playing || this.still || this.applied === 'high') return;
    const fps = this.governor.fps;
    const quiet = Math.max(STILL_AFTER_MS, fps ? 2000 / fps : 0);
    if (performance.now() - this.lastFrameMs < quiet) return;
    this.still = this.stillPending = true;
    this.apply('high');
  };

  /** Whether the camera moved since the last call (still: since the still was drawn). */
  private cameraMoved(): boolean {
    const camera = this.viewer.scene.camera;
    const moved =
      !Cartesian3.equalsEpsilon(camera.positionWC, this.lastPosition, 0, POSITION_EPSILON_M) ||
      !Cartesian3.equalsEpsilon(camera.directionWC, this.lastDirection, 0, DIRECTION_EPSILON);
    if (moved && !this.still) {
      Cartesian3.clone(camera.positionWC, this.lastPosition);
      Cartesian3.clone(camera.directionWC, this.lastDirection);
    }
    return moved;
  }

  private apply(level: QualityLevel): void {
    if (this.applied === level) return;
    this.applied = level;
    const p = QUALITY_PROFILES[level];
    const scene = this.viewer.scene;
    this.viewer.resolutionScale = this.presenting ? Math.max(1, p.resolutionScale) : p.resolutionScale;
    scene.postProcessStages.fxaa.enabled = p.antialias;
    scene.globe.maximumScreenSpaceError = p.tileError;
    if (this.base) this.base.show = p.baseImagery;
    scene.requestRender();
  }
}
