/**
 * What video export and snapshots need from the globe, as an interface so that src/export never
 * imports the Cesium adapter (src/globe/renderSurface.ts implements it).
 */
export interface RenderSurface {
  /** Holds every canvas to composite, in DOM order (Cesium first, an overlay on top). */
  readonly container: HTMLElement;
  /**
   * Draws a frame of the current state and resolves right after it (same task, before the browser
   * presents it, so the canvases can still be read). With `settle`, waits (bounded) for imagery tiles.
   */
  renderFrame(settle: boolean): Promise<void>;
  /** Renders at a fixed size in pixels (the page shows it scaled down), or back to the window with null. */
  setOutputSize(size: { width: number; height: number } | null): Promise<void>;
  /** While on, every change of shot is a cut (a snapshot composes for its own texts, then returns). */
  cutCamera(on: boolean): void;
  /**
   * While set, camera moves run on this clock (ms) instead of the wall clock and are eased, not cut:
   * a story export passes its video time, so a move between steps lasts as long in the video as on
   * screen. Null: back to the wall clock (and to cuts while exporting).
   */
  cameraClock(now: (() => number) | null): void;
}
