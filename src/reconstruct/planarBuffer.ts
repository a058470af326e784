/**
 * Variable-width buffer of a path in a plane (metres): the union of each sample's disc and of the
 * convex hulls of consecutive discs. The union is Clipper2's (an integer sweep with exact
 * predicates), not hand-made offsets: moving each sample sideways by its width breaks down wherever
 * the path turns tighter than the corridor is wide (fans of triangles, edges that cross).
 */
import { Clipper64, PolyTree64, type PolyPath64 } from 'clipper2-ts/dist/Engine.js';
import { ClipType, FillRule, type Path64 } from 'clipper2-ts/dist/Core.js';
import type { PlanePoint } from './localPlane';

/** A path sample in the plane with its half-width r (metres). */
export interface Circle {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

export interface PlanarPolygon {
  readonly outer: PlanePoint[];
  readonly holes: PlanePoint[][];
}

/** Clipper works on integers: decimetres keep coordinates of a few thousand km inside its fast exact range (< 9e7). */
const SCALE = 10;
/** Consecutive hulls unioned first, then the partial unions pairwise: far fewer crossings per sweep than one big union. */
const LEAF = 8;

/**
 * Douglas–Peucker on (x, y, r): indices of the circles to keep so that every dropped circle lies
 * within relTol × its radius (centre offset + radius difference) of the interpolated circle between
 * its kept neighbours. The buffer of the kept circles is then within that tolerance of the full
 * one; first and last are always kept, and circles of radius 0 unless exactly on the line.
 */
export function thinCircles(circles: readonly Circle[], relTol: number): number[] {
  const n = circles.length;
  if (n <= 2) return circles.map((_, i) => i);
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const stack: number[] = [0, n - 1];
  while (stack.length > 0) {
    const b = stack.pop()!;
    const a = stack.pop()!;
    const A = circles[a]!;
    const B = circles[b]!;
    const dx = B.x - A.x;
    const dy = B.y - A.y;
    const dr = B.r - A.r;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstExcess = 0;
    for (let i = a + 1; i < b; i++) {
      const P = circles[i]!;
      const t = len2 > 0 ? Math.min(1, Math.max(0, ((P.x - A.x) * dx + (P.y - A.y) * dy) / len2)) : 0;
      const deviation = Math.hypot(P.x - A.x - t * dx, P.y - A.y - t * dy) + Math.abs(P.r - A.r - t * dr);
      const excess = deviation - relTol * Math.min(P.r, A.r, B.r);
      if (excess > worstExcess) {
        worstExcess = excess;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push(a, worst, worst, b);
    }
  }
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) kept.push(i);
  return kept;
}

/** Convex hull (Andrew's monotone chain), counter-clockwise, without collinear or repeated points. */
export function convexHull(points: readonly PlanePoint[]): PlanePoint[] {
  const p = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (p.length < 3) return p;
  const cross = (o: PlanePoint, a: PlanePoint, b: PlanePoint) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: PlanePoint[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: PlanePoint[] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, q) <= 0) upper.pop();
    upper.push(q);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

function union(paths: Path64[]): Path64[] {
  const clipper = new Clipper64();
  clipper.addSubject(paths);
  const out: Path64[] = [];
  clipper.execute(ClipType.Union, FillRule.NonZero, out);
  return out;
}

/** The union of convex polygons (in path order, so neighbours overlap most), as polygons with holes. */
export function unionPolygons(polygons: readonly (readonly PlanePoint[])[]): PlanarPolygon[] {
  const paths = polygons.filter((poly) => poly.length >= 3).map((poly) => poly.map((q) => ({ x: Math.round(q.x * SCALE), y: Math.round(q.y * SCALE) })));
  if (paths.length === 0) return [];
  // Groups of neighbours unioned, then pairs of groups, ...; the last merge builds the tree of rings.
  let groups: Path64[][] = [];
  for (let i = 0; i < paths.length; i += LEAF) groups.push(paths.slice(i, i + LEAF));
  while (groups.length > 2) {
    const next: Path64[][] = [];
    for (let i = 0; i < groups.length; i += 2) next.push(union(i + 1 < groups.length ? [...groups[i]!, ...groups[i + 1]!] : groups[i]!));
    groups = next;
  }
  const tree = new PolyTree64();
  const clipper = new Clipper64();
  clipper.addSubject(groups.flat());
  clipper.execute(ClipType.Union, FillRule.NonZero, tree);
  const result: PlanarPolygon[] = [];
  collect(tree, result);
  return result;
}

const toPlane = (path: Path64): PlanePoint[] => path.map((q) => ({ x: q.x / SCALE, y: q.y / SCALE }));

/** Outer rings with their holes; islands inside holes become polygons of their own. */
function collect(node: PolyPath64, out: PlanarPolygon[]): void {
  for (let i = 0; i < node.count; i++) {
    const outer = node.child(i);
    const holes: PlanePoint[][] = [];
    for (let j = 0; j < outer.count; j++) {
      const hole = outer.child(j);
      if (hole.poly) holes.push(toPlane(hole.poly));
      collect(hole, out);
    }
    if (outer.poly) out.push({ outer: toPlane(outer.poly), holes });
  }
}
