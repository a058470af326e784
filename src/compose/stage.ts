/**
 * The stage: the part of the screen the HUD leaves free, where the subject of a shot must sit.
 * Pure: the UI measures its panels' boxes and hands them in; cameras and labels read the result.
 */

/** An axis-aligned rectangle in CSS pixels (origin top left of the viewport). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface MutableRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function rect(x: number, y: number, width: number, height: number): Rect {
  return { x, y, width, height };
}

export function sameRect(a: Rect, b: Rect, tolerancePx = 0.5): boolean {
  return (
    Math.abs(a.x - b.x) <= tolerancePx &&
    Math.abs(a.y - b.y) <= tolerancePx &&
    Math.abs(a.width - b.width) <= tolerancePx &&
    Math.abs(a.height - b.height) <= tolerancePx
  );
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function contains(r: Rect, x: number, y: number, marginPx = 0): boolean {
  return x >= r.x + marginPx && x <= r.x + r.width - marginPx && y >= r.y + marginPx && y <= r.y + r.height - marginPx;
}

/** Aspect ratios (width / height) a stage may have before it is valued less: a thin strip frames nothing well. */
const GOOD_ASPECT_MIN = 0.55;
const GOOD_ASPECT_MAX = 2.6;

/**
 * How good a free rectangle is as a stage: the area of the largest well-shaped rectangle inside it
 * (a thin strip frames nothing well). Never smaller for a rectangle that contains another.
 */
export function stageScore(r: Rect): number {
  if (r.width <= 0 || r.height <= 0) return 0;
  const w = Math.min(r.width, r.height * GOOD_ASPECT_MAX);
  const h = Math.min(r.height, r.width / GOOD_ASPECT_MIN);
  return w * h;
}

/**
 * The best rectangle of the viewport that no obstacle covers, inset by `gapPx` from the panels
 * (so that a subject at its edge does not touch one). Obstacles outside the viewport or empty are
 * ignored. Candidate edges are the viewport's and the obstacles' edges: for every pair of vertical
 * edges, the free vertical runs are found by sorting the obstacles that cross that column band.
 * With a dozen panels this is a few thousand operations, run on layout changes only.
 */
export function largestFreeRect(viewport: Rect, obstacles: readonly Rect[], gapPx = 0): Rect {
  const vx0 = viewport.x;
  const vy0 = viewport.y;
  const vx1 = viewport.x + viewport.width;
  const vy1 = viewport.y + viewport.height;
  const boxes: Rect[] = [];
  for (const o of obstacles) {
    if (!(o.width > 0 && o.height > 0)) continue;
    const x0 = Math.max(vx0, o.x - gapPx);
    const y0 = Math.max(vy0, o.y - gapPx);
    const x1 = Math.min(vx1, o.x + o.width + gapPx);
    const y1 = Math.min(vy1, o.y + o.height + gapPx);
    if (x1 > x0 && y1 > y0) boxes.push({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
  }
  if (boxes.length === 0) return { x: vx0, y: vy0, width: viewport.width, height: viewport.height };
  const xs = new Set<number>([vx0, vx1]);
  for (const b of boxes) {
    xs.add(b.x);
    xs.add(b.x + b.width);
  }
  const edges = [...xs].sort((a, b) => a - b);
  let best: Rect = { x: vx0, y: vy0, width: 0, height: 0 };
  let bestScore = 0;
  const crossing: Rect[] = [];
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const x0 = edges[i]!;
      const x1 = edges[j]!;
      crossing.length = 0;
      for (const b of boxes) if (b.x < x1 && b.x + b.width > x0) crossing.push(b);
      crossing.sort((a, b) => a.y - b.y);
      let y = vy0;
      const consider = (top: number, bottom: number): void => {
        const r = { x: x0, y: top, width: x1 - x0, height: bottom - top };
        const score = stageScore(r);
        if (score > bestScore) {
          bestScore = score;
          best = r;
        }
      };
      for (const b of crossing) {
        if (b.y > y) consider(y, b.y);
        y = Math.max(y, b.y + b.height);
      }
      if (vy1 > y) consider(y, vy1);
    }
  }
  return best;
}
