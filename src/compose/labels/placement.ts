/**
 * Label placement on screen, after MapLibre's symbol placement: candidates in priority order each
 * try positions around their anchor (variable anchors), first at full length, then short; some may
 * move further out and keep a leader line to their point. A position is taken when its box stays
 * inside the view, off the obstacles (HUD panels, the aircraft) and off everything placed before.
 * What does not fit is hidden. Pure, deterministic and allocation-free per call (a frame's work).
 */
import { BOX_ANY, BOX_LABEL, BOX_LEADER, BOX_MARKER, BOX_OBSTACLE, CollisionGrid, NO_OWNER } from './collisionGrid';

/** Directions from the anchor, as unit steps in screen axes (y down). */
export const DIRECTIONS: readonly (readonly [number, number])[] = [
  [1, 0], // 0 right
  [-1, 0], // 1 left
  [0, -1], // 2 above
  [0, 1], // 3 below
  [1, -1], // 4 above right
  [1, 1], // 5 below right
  [-1, -1], // 6 above left
  [-1, 1], // 7 below left
  [0, 0], // 8 centred on the anchor (area names: seas, countries)
];

/** The order in which a kind of label tries the directions. */
export const ANCHOR_ORDERS = {
  right: [0, 4, 5, 1, 6, 7, 2, 3],
  upperRight: [4, 0, 5, 6, 1, 7, 2, 3],
  left: [1, 6, 7, 0, 4, 5, 3, 2],
  above: [2, 0, 1, 4, 6, 3, 5, 7],
  below: [3, 5, 7, 2, 0, 1, 4, 6],
  centre: [8],
  /** Area names (seas, countries): centred, else just above, below, left or right of the centre. */
  area: [8, 2, 3, 1, 0],
} as const satisfies Record<string, readonly number[]>;

/** How far beyond adjacent a label may move, per ring (CSS px); ring 0 is beside the point. */
export const RING_PX: readonly number[] = [0, 26, 58, 100, 150];

/** Space kept between two labels, and between a label and the edge of the view (CSS px). */
export const LABEL_GAP_PX = 2;
const EDGE_PX = 2;
/** Gap between a point's marker and its label. */
const MARKER_GAP_PX = 3;
/** A label keeps last frame's side while its point moved less than this in a frame; after a jump (a new view) it chooses afresh. */
export const REMEMBER_PX = 24;
/** Leader lines are kept clear of later labels and leaders by small boxes along them. */
const LEADER_STEP_PX = 10;
const LEADER_HALF_PX = 1.5;

/** One label's request and, after `place`, its result. Kept by its owner and reused every frame. */
export interface LabelCandidate {
  /** Stable identity: breaks ties between equal priorities, so the order never depends on the input order. */
  readonly key: number;
  /** Higher first. */
  priority: number;
  /** Whether it takes part this frame (in its distance band, in front of the horizon, on screen). */
  active: boolean;
  anchorX: number;
  anchorY: number;
  /** Radius of the point's marker (0: none); the label keeps clear of it. */
  markerRadius: number;
  /** The marker is drawn only with the label (a city's dot): it must fit too, and hides with it. */
  markerWithLabel: boolean;
  width: number;
  height: number;
  /** The short form's box (0 × 0: there is none). */
  shortWidth: number;
  shortHeight: number;
  /** Directions to try, in order (ANCHOR_ORDERS). */
  anchors: readonly number[];
  /** Furthest ring (RING_PX index) it may move to with a leader line; 0: always beside its point. */
  maxRing: number;
  /**
   * Up to which ring the full form is tried before any short form: 0 (the default) alternates,
   * full then short, ring by ring; the step's subject keeps its full text with a short leader
   * rather than shorten; a callout box tries every ring before it shrinks.
   */
  fullRings: number;
  // Result.
  shown: boolean;
  short: boolean;
  x: number;
  y: number;
  boxWidth: number;
  boxHeight: number;
  ring: number;
  direction: number;
  /** Where the anchor was when it was last placed. */
  placedX: number;
  placedY: number;
  /** Leader line from the marker's edge to the box (when ring > 0). */
  leaderX0: number;
  leaderY0: number;
  leaderX1: number;
  leaderY1: number;
}

export function createCandidate(key: number): LabelCandidate {
  return {
    key,
    priority: 0,
    active: false,
    anchorX: 0,
    anchorY: 0,
    markerRadius: 0,
    markerWithLabel: false,
    width: 0,
    height: 0,
    shortWidth: 0,
    shortHeight: 0,
    anchors: ANCHOR_ORDERS.right,
    maxRing: 0,
    fullRings: 0,
    shown: false,
    short: false,
    x: 0,
    y: 0,
    boxWidth: 0,
    boxHeight: 0,
    ring: -1,
    direction: -1,
    placedX: 0,
    placedY: 0,
    leaderX0: 0,
    leaderY0: 0,
    leaderX1: 0,
    leaderY1: 0,
  };
}

/** A box labels keep out of. */
export interface Obstacle {
  x: number;
  y: number;
  width: number;
  height: number;
  /** A panel: a point under it is not seen, so its label is not shown either. (The aircraft's box is not: callouts point into it.) */
  hidesAnchors: boolean;
}

/** A panel-kind obstacle, in the grid as an obstacle that hides anchors. */
const BOX_PANEL = 8;
const ALL = BOX_ANY | BOX_PANEL;

export class LabelPlacer {
  private readonly grid = new CollisionGrid(48);
  private order = new Int32Array(64);

  /**
   * Places `count` candidates in a view of width × height CSS px among `obstacleCount` obstacles.
   * Writes each candidate's result; returns how many are shown.
   */
  place(candidates: readonly LabelCandidate[], count: number, obstacles: readonly Obstacle[], obstacleCount: number, width: number, height: number): number {
    const grid = this.grid;
    grid.reset(width, height);
    for (let i = 0; i < obstacleCount; i++) {
      const o = obstacles[i]!;
      if (o.width > 0 && o.height > 0) grid.insert(o.x, o.y, o.x + o.width, o.y + o.height, o.hidesAnchors ? BOX_PANEL : BOX_OBSTACLE, NO_OWNER);
    }
    // Markers drawn whatever happens to their label (places, claims) are there before any label.
    for (let i = 0; i < count; i++) {
      const c = candidates[i]!;
      c.shown = false;
      if (!c.active) continue;
      if (c.anchorX < 0 || c.anchorY < 0 || c.anchorX > width || c.anchorY > height || grid.containsPoint(c.anchorX, c.anchorY, BOX_PANEL)) {
        c.active = false;
        continue;
      }
      if (c.markerRadius > 0 && !c.markerWithLabel) {
        const r = c.markerRadius;
        grid.insert(c.anchorX - r, c.anchorY - r, c.anchorX + r, c.anchorY + r, BOX_MARKER, c.key);
      }
    }
    const order = this.sortedOrder(candidates, count);
    let shown = 0;
    for (let k = 0; k < count; k++) {
      const c = candidates[order[k]!]!;
      if (c.active && this.placeOne(c, width, height)) shown++;
      else {
        c.ring = -1;
        c.direction = -1;
      }
    }
    return shown;
  }

  /** Indices by priority (high first), then key: insertion sort on a reused array (the order barely changes between frames). */
  private sortedOrder(candidates: readonly LabelCandidate[], count: number): Int32Array {
    if (this.order.length < count) this.order = new Int32Array(Math.max(count, this.order.length * 2));
    const order = this.order;
    for (let i = 0; i < count; i++) order[i] = i;
    for (let i = 1; i < count; i++) {
      const idx = order[i]!;
      const c = candidates[idx]!;
      let j = i - 1;
      while (j >= 0 && before(c, candidates[order[j]!]!)) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = idx;
    }
    return order;
  }

  private placeOne(c: LabelCandidate, width: number, height: number): boolean {
    const hasShort = c.shortWidth > 0 && c.shortHeight > 0;
    const rings = Math.min(c.maxRing, RING_PX.length - 1);
    const fullRings = Math.min(Math.max(0, c.fullRings), rings);
    for (let ring = 0; ring <= fullRings; ring++) if (this.tryRing(c, ring, false, width, height)) return true;
    for (let ring = 0; ring <= rings; ring++) {
      if (ring > fullRings && this.tryRing(c, ring, false, width, height)) return true;
      if (hasShort && this.tryRing(c, ring, true, width, height)) return true;
    }
    return false;
  }

  /** Tries the directions of one ring and form; the direction used last time goes first (no flipping when nothing moved). */
  private tryRing(c: LabelCandidate, ring: number, short: boolean, width: number, height: number): boolean {
    const anchors = c.anchors;
    const near = Math.abs(c.anchorX - c.placedX) <= REMEMBER_PX && Math.abs(c.anchorY - c.placedY) <= REMEMBER_PX;
    const remembered = near && c.ring === ring && c.short === short ? c.direction : -1;
    if (remembered >= 0 && anchors.includes(remembered) && this.tryAt(c, ring, remembered, short, width, height)) return true;
    for (let i = 0; i < anchors.length; i++) {
      const d = anchors[i]!;
      if (d === remembered) continue;
      if (d === 8 && ring > 0) continue;
      if (this.tryAt(c, ring, d, short, width, height)) return true;
    }
    return false;
  }

  private tryAt(c: LabelCandidate, ring: number, direction: number, short: boolean, width: number, height: number): boolean {
    const w = short ? c.shortWidth : c.width;
    const h = short ? c.shortHeight : c.height;
    const step = DIRECTIONS[direction]!;
    const dx = step[0];
    const dy = step[1];
    const diagonal = dx !== 0 && dy !== 0 ? Math.SQRT1_2 : 1;
    const off = (c.markerRadius > 0 ? c.markerRadius + MARKER_GAP_PX : MARKER_GAP_PX) * diagonal + RING_PX[ring]! * diagonal;
    const ax = c.anchorX;
    const ay = c.anchorY;
    const x = dx > 0 ? ax + off : dx < 0 ? ax - off - w : ax - w / 2;
    const y = dy > 0 ? ay + off : dy < 0 ? ay - off - h : ay - h / 2;
    if (x < EDGE_PX || y < EDGE_PX || x + w > width - EDGE_PX || y + h > height - EDGE_PX) return false;
    const grid = this.grid;
    const g = LABEL_GAP_PX;
    if (grid.collides(x - g, y - g, x + w + g, y + h + g, ALL, c.key)) return false;
    const r = c.markerRadius;
    // A dot drawn with its label keeps off labels, leaders and panels; it may sit on another point's marker or under the aircraft.
    if (c.markerWithLabel && r > 0 && grid.collides(ax - r, ay - r, ax + r, ay + r, BOX_LABEL | BOX_LEADER | BOX_PANEL, c.key)) return false;
    let lx0 = 0;
    let ly0 = 0;
    let lx1 = 0;
    let ly1 = 0;
    if (ring > 0) {
      // From the marker's edge to the nearest point of the box.
      lx1 = Math.min(Math.max(ax, x), x + w);
      ly1 = Math.min(Math.max(ay, y), y + h);
      const len = Math.hypot(lx1 - ax, ly1 - ay);
      const start = Math.min(r, len);
      lx0 = ax + ((lx1 - ax) / len) * start;
      ly0 = ay + ((ly1 - ay) / len) * start;
      // Not through a panel, a label or another leader (a leader may start inside the box it points out of: the aircraft's).
      if (grid.segmentHits(lx0, ly0, lx1, ly1, BOX_OBSTACLE | BOX_PANEL | BOX_LABEL | BOX_LEADER, c.key)) return false;
    }
    grid.insert(x, y, x + w, y + h, BOX_LABEL, c.key);
    if (c.markerWithLabel && r > 0) grid.insert(ax - r, ay - r, ax + r, ay + r, BOX_MARKER, c.key);
    if (ring > 0) {
      const len = Math.hypot(lx1 - lx0, ly1 - ly0);
      const steps = Math.max(1, Math.ceil(len / LEADER_STEP_PX));
      for (let s = 0; s <= steps; s++) {
        const px = lx0 + ((lx1 - lx0) * s) / steps;
        const py = ly0 + ((ly1 - ly0) * s) / steps;
        grid.insert(px - LEADER_HALF_PX, py - LEADER_HALF_PX, px + LEADER_HALF_PX, py + LEADER_HALF_PX, BOX_LEADER, c.key);
      }
    }
    c.shown = true;
    c.short = short;
    c.x = x;
    c.y = y;
    c.boxWidth = w;
    c.boxHeight = h;
    c.placedX = ax;
    c.placedY = ay;
    c.ring = ring;
    c.direction = direction;
    c.leaderX0 = lx0;
    c.leaderY0 = ly0;
    c.leaderX1 = lx1;
    c.leaderY1 = ly1;
    return true;
  }
}

function before(a: LabelCandidate, b: LabelCandidate): boolean {
  return a.priority > b.priority || (a.priority === b.priority && a.key < b.key);
}
