/**
 * Shaded relief for the land: a hypsometric tint (a few steps from the plain's olive grey towards a
 * lighter stone grey in the high Caucasus) multiplied by a hillshade lit from the north-west, the
 * cartographic convention. Kept calm and mid-dark so the flight track stays the brightest thing.
 * Pure: no DOM, no Cesium.
 */
import type { HeightGrid } from './reliefData.ts';

export interface ReliefLook {
  /** [height in metres, r, g, b] stops, ascending heights. */
  readonly tint: readonly (readonly [number, number, number, number])[];
  /** Vertical exaggeration of the slopes (a 9 km grid flattens slopes; this brings hills back). */
  readonly exaggeration: number;
  /** Brightness change per unit of light change; 0 = no shading. */
  readonly shadeGain: number;
  /** Darkest and brightest multiplier of the tint. */
  readonly shadeRange: readonly [number, number];
}

/** Light from the north-west (azimuth 315°), 45° above the horizon: x east, y north, z up. */
const LIGHT = [-0.5, 0.5, Math.SQRT1_2] as const;
const METRES_PER_DEGREE = 111_320;

/** The tint of a height: linear between the stops, clamped at both ends. */
export function tintAt(look: ReliefLook, metres: number, out: [number, number, number]): [number, number, number] {
  const stops = look.tint;
  let i = 0;
  while (i < stops.length - 2 && metres > stops[i + 1]![0]) i++;
  const a = stops[i]!;
  const b = stops[Math.min(i + 1, stops.length - 1)]!;
  const t = b[0] === a[0] ? 0 : Math.max(0, Math.min(1, (metres - a[0]) / (b[0] - a[0])));
  out[0] = a[1] + (b[1] - a[1]) * t;
  out[1] = a[2] + (b[2] - a[2]) * t;
  out[2] = a[3] + (b[3] - a[3]) * t;
  return out;
}

/**
 * Brightness multiplier for a slope given as height change per metre eastwards and northwards:
 * 1 on flat ground, above 1 on slopes facing the light, below 1 on slopes facing away.
 */
export function shadeFactor(look: ReliefLook, dzEast: number, dzNorth: number): number {
  const nx = -dzEast * look.exaggeration;
  const ny = -dzNorth * look.exaggeration;
  const lambert = (nx * LIGHT[0] + ny * LIGHT[1] + LIGHT[2]) / Math.sqrt(nx * nx + ny * ny + 1);
  const f = 1 + (look.shadeGain * (lambert - LIGHT[2])) / LIGHT[2];
  return Math.max(look.shadeRange[0], Math.min(look.shadeRange[1], f));
}

/** Tints for every `TINT_LUT_STEP` metres from the first stop to the last (shading looks them up). */
const TINT_LUT_STEP = 5;

function tintTable(look: ReliefLook): { readonly base: number; readonly rgb: Float32Array } {
  const first = look.tint[0]![0];
  const last = look.tint[look.tint.length - 1]![0];
  const n = Math.floor((last - first) / TINT_LUT_STEP) + 1;
  const rgb = new Float32Array(3 * n);
  const c: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < n; i++) rgb.set(tintAt(look, first + i * TINT_LUT_STEP, c), 3 * i);
  return { base: first, rgb };
}

/** RGBA pixels (row 0 north, one pixel per grid sample, opaque) of the tinted, shaded relief. */
export function shadeRelief(grid: HeightGrid, look: ReliefLook): Uint8ClampedArray<ArrayBuffer> {
  const { width, height, heights, step } = grid;
  const out = new Uint8ClampedArray(width * height * 4);
  const lut = tintTable(look);
  const lutMax = lut.rgb.length / 3 - 1;
  const dy = step * METRES_PER_DEGREE;
  for (let j = 0; j < height; j++) {
    const lat = grid.north - j * step;
    const dx = dy * Math.cos((lat * Math.PI) / 180);
    const up = Math.max(0, j - 1) * width;
    const down = Math.min(height - 1, j + 1) * width;
    const spanY = (down - up) / width || 1;
    const row = j * width;
    for (let i = 0; i < width; i++) {
      const left = Math.max(0, i - 1);
      const right = Math.min(width - 1, i + 1);
      const dzEast = (heights[row + right]! - heights[row + left]!) / ((right - left || 1) * dx);
      const dzNorth = (heights[up + i]! - heights[down + i]!) / (spanY * dy);
      const f = shadeFactor(look, dzEast, dzNorth);
      const t = 3 * Math.max(0, Math.min(lutMax, Math.round((heights[row + i]! - lut.base) / TINT_LUT_STEP)));
      const p = 4 * (row + i);
      out[p] = lut.rgb[t]! * f;
      out[p + 1] = lut.rgb[t + 1]! * f;
      out[p + 2] = lut.rgb[t + 2]! * f;
      out[p + 3] = 255;
    }
  }
  return out;
}
