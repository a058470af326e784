/**
 * Drawing quality: the reader's setting (auto / high / low), the tiers the globe can draw at, and
 * the governor that picks a tier in `auto` from measured frame times. Pure: the globe adapter
 * feeds it frame intervals and applies the tier it names (src/globe/qualityControl.ts).
 */

export const QUALITY_SETTINGS = ['auto', 'high', 'low'] as const;
export type QualitySetting = (typeof QUALITY_SETTINGS)[number];
export const DEFAULT_QUALITY: QualitySetting = 'auto';

export function isQualitySetting(value: string): value is QualitySetting {
  return (QUALITY_SETTINGS as readonly string[]).includes(value);
}

/** Tiers from best to lightest. `high` and `low` are also the manual settings' fixed tiers. */
export const QUALITY_LEVELS = ['high', 'medium', 'low', 'lowest'] as const;
export type QualityLevel = (typeof QUALITY_LEVELS)[number];

/** What a tier changes. Content never changes with quality: every layer and label stays. */
export interface QualityProfile {
  /** Drawing-buffer pixels per CSS pixel (Cesium's resolutionScale; the overlay follows it). */
  readonly resolutionScale: number;
  /** Cesium's FXAA post-process pass. */
  readonly antialias: boolean;
  /** The NaturalEarthII relief under the offline map; without it the globe outside the map is plain. */
  readonly baseImagery: boolean;
  /** Globe tile detail (Cesium's maximumScreenSpaceError: higher is coarser, fewer tiles). */
  readonly tileError: number;
}

export const QUALITY_PROFILES: Readonly<Record<QualityLevel, QualityProfile>> = {
  high: { resolutionScale: 1, antialias: true, baseImagery: true, tileError: 2 },
  medium: { resolutionScale: 0.75, antialias: false, baseImagery: true, tileError: 2 },
  low: { resolutionScale: 0.5, antialias: false, baseImagery: false, tileError: 3 },
  lowest: { resolutionScale: 0.35, antialias: false, baseImagery: false, tileError: 4 },
};

const SETTLE_FRAMES = 2;
const EARLY_FRAMES = 4;

/** Frame rate `auto` tries to hold while something moves. */
export const TARGET_FPS = 20;

export interface GovernorOptions {
  readonly targetFps?: number;
  /** Frame intervals averaged before a decision. */
  readonly window?: number;
  /** Longer intervals are pauses between on-demand frames, not a measure of drawing speed. */
  readonly maxIntervalMs?: number;
  /** After a tier proved too slow, how long before trying it again (doubles each time it fails). */
  readonly retryAfterMs?: number;
}

/**
 * Steps down a tier when the mean frame rate over a window is below 90 % of the target, and up
 * when it is above 2.2x the target (a tier up costs about twice the pixels). A tier that was too
 * slow is not tried again for a while, so the tier does not flip back and forth.
 */
export class QualityGovernor {
  private readonly target: number;
  private readonly window: number;
  private readonly maxInterval: number;
  private readonly retryAfter: number;
  private index = 0;
  private count = 0;
  private sumMs = 0;
  /** Per tier: the time before which stepping up into it is not tried, and the current back-off. */
  private readonly blockedUntil: number[] = QUALITY_LEVELS.map(() => 0);
  private readonly backoff: number[];
  private lastFps: number | null = null;
  /** Intervals still to ignore after a change (the first frames at a new size pay for new buffers). */
  private settle = 0;

  constructor(options: GovernorOptions = {}) {
    this.target = options.targetFps ?? TARGET_FPS;
    this.window = options.window ?? 12;
    this.maxInterval = options.maxIntervalMs ?? 1500;
    this.retryAfter = options.retryAfterMs ?? 15000;
    this.backoff = QUALITY_LEVELS.map(() => this.retryAfter);
  }

  get level(): QualityLevel {
    return QUALITY_LEVELS[this.index]!;
  }

  /** Mean frame rate of the last full window (null before one was measured). */
  get fps(): number | null {
    return this.lastFps;
  }

  /** Starts over at a tier (e.g. when the reader switches back to auto). */
  reset(level: QualityLevel = 'high'): void {
    this.index = QUALITY_LEVELS.indexOf(level);
    this.count = 0;
    this.sumMs = 0;
    this.settle = SETTLE_FRAMES;
  }

  /** Ignores the next intervals: motion starts after a pause, so the first one measures the pause. */
  hold(): void {
    this.count = 0;
    this.sumMs = 0;
    this.settle = SETTLE_FRAMES;
  }

  /**
   * One frame interval (ms) at wall-clock time `nowMs`. `continuous`: frames are known to follow
   * one another (playback), so even a very long interval is a slow frame, not a pause. Returns the
   * new tier when it changes, else null. Allocates nothing.
   */
  frame(intervalMs: number, nowMs: number, continuous = false): QualityLevel | null {
    if (!(intervalMs > 0) || (intervalMs > this.maxInterval && !continuous)) return null;
    if (this.settle > 0) {
      this.settle--;
      return null;
    }
    this.count++;
    this.sumMs += intervalMs;
    // Far too slow already after a few frames: decide now rather than draw a whole slow window.
    const early = this.count >= EARLY_FRAMES && (this.count * 1000) / this.sumMs < this.target * 0.5;
    if (this.count < this.window && !early) return null;
    const fps = (this.count * 1000) / this.sumMs;
    this.count = 0;
    this.sumMs = 0;
    this.lastFps = fps;
    const last = QUALITY_LEVELS.length - 1;
    if (fps < this.target * 0.9 && this.index < last) {
      this.blockedUntil[this.index] = nowMs + this.backoff[this.index]!;
      this.backoff[this.index] = this.backoff[this.index]! * 2;
      this.index++;
      this.settle = SETTLE_FRAMES;
      return this.level;
    }
    if (fps > this.target * 2.2 && this.index > 0 && nowMs >= this.blockedUntil[this.index - 1]!) {
      this.index--;
      this.settle = SETTLE_FRAMES;
      return this.level;
    }
    return null;
  }
}
