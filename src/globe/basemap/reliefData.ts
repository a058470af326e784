/**
 * The basemap's height grid (assets/basemap/relief.bin, built by scripts/build-basemap-surface.mjs
 * from ETOPO5, 5 arc-minutes ≈ 9 km) and its smooth resampling. Pure: no DOM, no Cesium.
 */

/** A regular lon/lat grid of heights, row 0 the northernmost, west to east in each row. */
export interface HeightGrid {
  readonly west: number;
  readonly north: number;
  /** Sample spacing in degrees (the same in longitude and latitude). */
  readonly step: number;
  readonly width: number;
  readonly height: number;
  /** Metres, `width * height` values. */
  readonly heights: ArrayLike<number>;
}

const MAGIC = 'FRRELIEF';
const HEADER_BYTES = 48;

/** Reads relief.bin (layout documented in scripts/build-basemap-surface.mjs). */
export function decodeRelief(buffer: ArrayBuffer): HeightGrid {
  const view = new DataView(buffer);
  const magic = String.fromCharCode(...new Uint8Array(buffer, 0, Math.min(8, buffer.byteLength)));
  if (magic !== MAGIC || buffer.byteLength < HEADER_BYTES) throw new Error('relief: not a flightrecon relief file');
  const version = view.getUint32(8, true);
  if (version !== 1) throw new Error(`relief: unknown format version ${version}`);
  const width = view.getUint32(12, true);
  const height = view.getUint32(16, true);
  if (buffer.byteLength !== HEADER_BYTES + 2 * width * height) throw new Error(`relief: ${buffer.byteLength} bytes for ${width} x ${height} samples`);
  const heights = new Int16Array(width * height);
  for (let i = 0; i < heights.length; i++) heights[i] = view.getInt16(HEADER_BYTES + 2 * i, true);
  return { west: view.getFloat64(24, true), north: view.getFloat64(32, true), step: view.getFloat64(40, true), width, height, heights };
}

/** Catmull–Rom weights for the four samples around a point at fraction t (0..1) between the middle two. */
function catmullRom(t: number): [number, number, number, number] {
  const t2 = t * t;
  const t3 = t2 * t;
  return [0.5 * (-t3 + 2 * t2 - t), 0.5 * (3 * t3 - 5 * t2 + 2), 0.5 * (-3 * t3 + 4 * t2 + t), 0.5 * (t3 - t2)];
}

/**
 * A linear resampling of one axis: for each output position, up to `taps` source positions (edges
 * clamped) and their weights. Applied along rows or columns by `applyAxis`.
 */
interface AxisKernel {
  readonly outLength: number;
  readonly taps: number;
  readonly index: Int32Array;
  readonly weight: Float32Array;
}

function upsampleKernel(length: number, factor: number): AxisKernel {
  const outLength = (length - 1) * factor + 1;
  const index = new Int32Array(outLength * 4);
  const weight = new Float32Array(outLength * 4);
  for (let j = 0; j < outLength; j++) {
    const i = Math.min(Math.floor(j / factor), length - 1);
    const w = catmullRom(j / factor - i);
    // Samples beyond an edge are extrapolated linearly (ghost = 2 * edge - inner), so straight slopes
    // stay straight up to the edge; their weights fold onto the real samples (at most four of them).
    const taps = new Map<number, number>();
    const add = (k: number, wk: number): void => void taps.set(k, (taps.get(k) ?? 0) + wk);
    for (let k = 0; k < 4; k++) {
      const n = i - 1 + k;
      const wk = w[k]!;
      if (length === 1) {
        add(0, wk);
      } else if (n < 0) {
        add(0, 2 * wk);
        add(1, -wk);
      } else if (n > length - 1) {
        add(length - 1, 2 * wk);
        add(length - 2, -wk);
      } else {
        add(n, wk);
      }
    }
    let k = 0;
    for (const [n, wk] of taps) {
      index[4 * j + k] = n;
      weight[4 * j + k] = wk;
      k++;
    }
  }
  return { outLength, taps: 4, index, weight };
}

function gaussianKernel(length: number, sigma: number): AxisKernel {
  const radius = Math.ceil(3 * sigma);
  const taps = 2 * radius + 1;
  const w = Array.from({ length: taps }, (_, k) => Math.exp(-((k - radius) ** 2) / (2 * sigma * sigma)));
  const sum = w.reduce((a, b) => a + b, 0);
  const index = new Int32Array(length * taps);
  const weight = new Float32Array(length * taps);
  for (let j = 0; j < length; j++)
    for (let k = 0; k < taps; k++) {
      index[taps * j + k] = Math.max(0, Math.min(length - 1, j - radius + k));
      weight[taps * j + k] = w[k]! / sum;
    }
  return { outLength: length, taps, index, weight };
}

/** Applies a kernel along the rows (x) or the columns (y) of a row-major width x height array. */
function applyAxis(src: Float32Array, width: number, height: number, kernel: AxisKernel, alongRows: boolean): Float32Array<ArrayBuffer> {
  const { outLength, taps, index, weight } = kernel;
  if (alongRows) {
    const out = new Float32Array(outLength * height);
    for (let y = 0; y < height; y++) {
      const row = y * width;
      const outRow = y * outLength;
      for (let j = 0, t = 0; j < outLength; j++) {
        let v = 0;
        for (let k = 0; k < taps; k++, t++) v += weight[t]! * src[row + index[t]!]!;
        out[outRow + j] = v;
      }
    }
    return out;
  }
  const out = new Float32Array(width * outLength);
  for (let j = 0, t0 = 0; j < outLength; j++, t0 += taps) {
    const outRow = j * width;
    for (let k = 0; k < taps; k++) {
      const w = weight[t0 + k]!;
      const inRow = index[t0 + k]! * width;
      for (let x = 0; x < width; x++) out[outRow + x] = out[outRow + x]! + w * src[inRow + x]!;
    }
  }
  return out;
}

/**
 * The grid prepared for shading: heights below `floor` raised to it (the sea floor is not part of
 * the land's relief), smoothed with a Gaussian of `sigma` samples (ETOPO5 is blocky where its
 * sources were coarse: smoothing keeps the broad forms and drops the block edges), then made
 * `factor` times denser by separable Catmull–Rom interpolation, which passes through the samples
 * and has no creases at the original cells (so a 9 km grid seen from 5 km does not show its cells).
 */
export function prepareGrid(grid: HeightGrid, options: { factor: number; sigma: number; floor: number }): HeightGrid {
  const { width, height } = grid;
  let z = new Float32Array(width * height);
  for (let i = 0; i < z.length; i++) z[i] = Math.max(options.floor, grid.heights[i]!);
  if (options.sigma > 0) {
    z = applyAxis(z, width, height, gaussianKernel(width, options.sigma), true);
    z = applyAxis(z, width, height, gaussianKernel(height, options.sigma), false);
  }
  const factor = Math.max(1, Math.round(options.factor));
  if (factor === 1) return { ...grid, heights: z };
  const fineWidth = (width - 1) * factor + 1;
  const rows = applyAxis(z, width, height, upsampleKernel(width, factor), true);
  const heights = applyAxis(rows, fineWidth, height, upsampleKernel(height, factor), false);
  return { west: grid.west, north: grid.north, step: grid.step / factor, width: fineWidth, height: (height - 1) * factor + 1, heights };
}
