/**
 * Pauses Cesium's render loop while nothing can change on screen, so a paused app schedules no
 * animation frames at all: in request-render mode Cesium still ticks 60 times a second, and that
 * alone keeps a core busy on a school laptop.
 *
 * Cesium's own loop runs whenever something may move; after a quiet spell (no frame drawn, no
 * playback, no tiles loading, no sharp still due) it is switched off. A render request (ours or
 * Cesium's: tiles, labels, the offline map), input on the globe (drag, wheel, touch, keys) or a
 * resize switches it on again.
 */
import type { Viewer } from 'cesium';

/** Ticks without any activity before the loop pauses (~0.5 s at 60 Hz: camera inertia settles). */
const QUIET_TICKS = 30;
const INPUT_EVENTS = ['pointerdown', 'wheel', 'touchstart', 'keydown'] as const;

export class RenderLoop {
  private quietTicks = 0;
  private stopped = false;

  constructor(
    private readonly viewer: Viewer,
    /** Whether something animates without a render request each tick (playback, a due still). */
    private readonly animating: () => boolean,
  ) {
    const scene = viewer.scene;
    // Cesium asks for frames through scene.requestRender (imagery ready, labels, data sources).
    const request = scene.requestRender.bind(scene);
    scene.requestRender = () => {
      request();
      this.wake();
    };
    scene.preUpdate.addEventListener(this.onTick);
    scene.postRender.addEventListener(() => {
      this.quietTicks = 0;
    });
    const canvas = viewer.canvas;
    for (const type of INPUT_EVENTS) canvas.addEventListener(type, this.wake, { passive: true });
    // A drag keeps the loop awake while a button is held.
    canvas.addEventListener('pointermove', this.onPointerMove, { passive: true });
    window.addEventListener('resize', this.wake);
  }

  /** Whether Cesium's loop is running (false when the app is idle). */
  get running(): boolean {
    return this.viewer.useDefaultRenderLoop;
  }

  /** Runs Cesium's loop (again) if paused. */
  readonly wake = (): void => {
    this.quietTicks = 0;
    if (!this.stopped && !this.viewer.useDefaultRenderLoop) this.viewer.useDefaultRenderLoop = true;
  };

  /** Stops for good (context lost, render error): nothing is drawn after this. */
  stop(): void {
    this.stopped = true;
    this.viewer.useDefaultRenderLoop = false;
  }

  private readonly onPointerMove = (event: PointerEvent): void => {
    if (event.buttons !== 0) this.wake();
  };

  /** Every tick of Cesium's loop, drawn or not. */
  private readonly onTick = (): void => {
    if (this.animating() || !this.viewer.scene.globe.tilesLoaded) {
      this.quietTicks = 0;
      return;
    }
    if (++this.quietTicks >= QUIET_TICKS) this.viewer.useDefaultRenderLoop = false;
  };
}
