/**
 * A uniform grid of screen cells holding boxes, for "does this box touch anything placed already?"
 * in about constant time. Reused from frame to frame: `reset` empties it without allocating, and
 * its arrays only grow (rarely) when a frame holds more boxes than any before.
 */

/** What a box in the grid is; queries pass a mask of the kinds they care about. */
export const BOX_OBSTACLE = 1;
export const BOX_MARKER = 2;
export const BOX_LABEL = 4;
/** Small boxes along a leader line: labels keep off them, and other leaders do not cross them. */
export const BOX_LEADER = 16;
export const BOX_ANY = BOX_OBSTACLE | BOX_MARKER | BOX_LABEL | BOX_LEADER;

/** No owner: the box belongs to no label (a HUD panel, the aircraft). */
export const NO_OWNER = -1;

export class CollisionGrid {
  private cols = 0;
  private rows = 0;
  private head = new Int32Array(0);
  // Per box.
  private x0 = new Float64Array(64);
  private y0 = new Float64Array(64);
  private x1 = new Float64Array(64);
  private y1 = new Float64Array(64);
  private kind = new Uint8Array(64);
  private owner = new Int32Array(64);
  private boxes = 0;
  // Per (cell, box) link: singly linked lists from `head`.
  private linkNext = new Int32Array(256);
  private linkBox = new Int32Array(256);
  private links = 0;

  constructor(readonly cellPx = 48) {}

  /** Empties the grid for a view of this size (CSS px). */
  reset(width: number, height: number): void {
    const cols = Math.max(1, Math.ceil(width / this.cellPx));
    const rows = Math.max(1, Math.ceil(height / this.cellPx));
    if (cols * rows > this.head.length) this.head = new Int32Array(cols * rows);
    this.cols = cols;
    this.rows = rows;
    this.head.fill(-1, 0, cols * rows);
    this.boxes = 0;
    this.links = 0;
  }

  get size(): number {
    return this.boxes;
  }

  insert(x0: number, y0: number, x1: number, y1: number, kind: number, owner: number): void {
    const c0 = this.col(x0);
    const c1 = this.col(x1);
    const r0 = this.row(y0);
    const r1 = this.row(y1);
    if (c1 < c0 || r1 < r0) return;
    if (this.boxes === this.x0.length) this.growBoxes();
    const b = this.boxes++;
    this.x0[b] = x0;
    this.y0[b] = y0;
    this.x1[b] = x1;
    this.y1[b] = y1;
    this.kind[b] = kind;
    this.owner[b] = owner;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        if (this.links === this.linkNext.length) this.growLinks();
        const l = this.links++;
        const cell = r * this.cols + c;
        this.linkBox[l] = b;
        this.linkNext[l] = this.head[cell]!;
        this.head[cell] = l;
      }
    }
  }

  /** Whether a box overlaps (strictly: touching edges do not count) any box of the masked kinds not owned by `ignoreOwner`. */
  collides(x0: number, y0: number, x1: number, y1: number, mask: number, ignoreOwner: number): boolean {
    const c0 = this.col(x0);
    const c1 = this.col(x1);
    const r0 = this.row(y0);
    const r1 = this.row(y1);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        for (let l = this.head[r * this.cols + c]!; l >= 0; l = this.linkNext[l]!) {
          const b = this.linkBox[l]!;
          if ((this.kind[b]! & mask) === 0 || this.owner[b] === ignoreOwner) continue;
          if (x0 < this.x1[b]! && this.x0[b]! < x1 && y0 < this.y1[b]! && this.y0[b]! < y1) return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the segment a→b crosses a box of the masked kinds. Boxes that contain `a` are ignored
   * (a leader line may start inside the thing it points at, e.g. the aircraft's box).
   */
  segmentHits(ax: number, ay: number, bx: number, by: number, mask: number, ignoreOwner: number): boolean {
    const c0 = this.col(Math.min(ax, bx));
    const c1 = this.col(Math.max(ax, bx));
    const r0 = this.row(Math.min(ay, by));
    const r1 = this.row(Math.max(ay, by));
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        for (let l = this.head[r * this.cols + c]!; l >= 0; l = this.linkNext[l]!) {
          const k = this.linkBox[l]!;
          if ((this.kind[k]! & mask) === 0 || this.owner[k] === ignoreOwner) continue;
          const x0 = this.x0[k]!;
          const y0 = this.y0[k]!;
          const x1 = this.x1[k]!;
          const y1 = this.y1[k]!;
          if (ax >= x0 && ax <= x1 && ay >= y0 && ay <= y1) continue;
          if (segmentCrossesBox(ax, ay, bx, by, x0, y0, x1, y1)) return true;
        }
      }
    }
    return false;
  }

  /** Whether a point lies inside a box of the masked kinds (edges excluded). */
  containsPoint(x: number, y: number, mask: number): boolean {
    if (x < 0 || y < 0) return false;
    const c = this.col(x);
    const r = this.row(y);
    if (c >= this.cols || r >= this.rows) return false;
    for (let l = this.head[r * this.cols + c]!; l >= 0; l = this.linkNext[l]!) {
      const b = this.linkBox[l]!;
      if ((this.kind[b]! & mask) === 0) continue;
      if (x > this.x0[b]! && x < this.x1[b]! && y > this.y0[b]! && y < this.y1[b]!) return true;
    }
    return false;
  }

  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor(x / this.cellPx)));
  }

  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor(y / this.cellPx)));
  }

  private growBoxes(): void {
    const n = this.x0.length * 2;
    this.x0 = grow(this.x0, new Float64Array(n));
    this.y0 = grow(this.y0, new Float64Array(n));
    this.x1 = grow(this.x1, new Float64Array(n));
    this.y1 = grow(this.y1, new Float64Array(n));
    this.kind = grow(this.kind, new Uint8Array(n));
    this.owner = grow(this.owner, new Int32Array(n));
  }

  private growLinks(): void {
    const n = this.linkNext.length * 2;
    this.linkNext = grow(this.linkNext, new Int32Array(n));
    this.linkBox = grow(this.linkBox, new Int32Array(n));
  }
}

function grow<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Liang–Barsky: does the segment a→b pass through the open box? Allocation-free. */
export function segmentCrossesBox(ax: number, ay: number, bx: number, by: number, x0: number, y0: number, x1: number, y1: number): boolean {
  clip.t0 = 0;
  clip.t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  return clipEdge(-dx, ax - x0) && clipEdge(dx, x1 - ax) && clipEdge(-dy, ay - y0) && clipEdge(dy, y1 - ay) && clip.t1 - clip.t0 > 1e-9;
}

const clip = { t0: 0, t1: 1 };

function clipEdge(p: number, q: number): boolean {
  if (p === 0) return q > 0;
  const t = q / p;
  if (p < 0) {
    if (t > clip.t1) return false;
    if (t > clip.t0) clip.t0 = t;
  } else {
    if (t < clip.t0) return false;
    if (t < clip.t1) clip.t1 = t;
  }
  return true;
}
