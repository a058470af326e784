import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ANCHOR_ORDERS, LabelPlacer, createCandidate, type LabelCandidate, type Obstacle } from '../../src/compose/labels';
import { LABEL_GAP_PX } from '../../src/compose/labels/placement';
import { segmentCrossesBox } from '../../src/compose/labels/collisionGrid';

const W = 1280;
const H = 720;

interface Spec {
  x: number;
  y: number;
  w: number;
  h: number;
  priority: number;
  shortW?: number;
  marker?: number;
  markerWithLabel?: boolean;
  ring?: number;
  anchors?: readonly number[];
  fullRings?: number;
}

function candidate(key: number, s: Spec): LabelCandidate {
  const c = createCandidate(key);
  Object.assign(c, {
    active: true,
    priority: s.priority,
    anchorX: s.x,
    anchorY: s.y,
    width: s.w,
    height: s.h,
    shortWidth: s.shortW ?? 0,
    shortHeight: s.shortW ? s.h : 0,
    markerRadius: s.marker ?? 0,
    markerWithLabel: s.markerWithLabel ?? false,
    maxRing: s.ring ?? 0,
    anchors: s.anchors ?? ANCHOR_ORDERS.right,
    fullRings: s.fullRings ?? 0,
  });
  return c;
}

function obstacle(x: number, y: number, width: number, height: number, hidesAnchors = true): Obstacle {
  return { x, y, width, height, hidesAnchors };
}

function place(specs: readonly Spec[], obstacles: readonly Obstacle[] = [], placer = new LabelPlacer()): LabelCandidate[] {
  const cs = specs.map((s, i) => candidate(i, s));
  placer.place(cs, cs.length, obstacles, obstacles.length, W, H);
  return cs;
}

const overlap = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const box = (c: LabelCandidate) => ({ x: c.x, y: c.y, w: c.boxWidth, h: c.boxHeight });
const result = (cs: readonly LabelCandidate[]) => cs.map((c) => (c.shown ? [c.x, c.y, c.short, c.ring, c.direction] : null));

const specArb = fc.record({
  x: fc.double({ min: -20, max: W + 20, noNaN: true }),
  y: fc.double({ min: -20, max: H + 20, noNaN: true }),
  w: fc.double({ min: 8, max: 320, noNaN: true }),
  h: fc.double({ min: 8, max: 90, noNaN: true }),
  priority: fc.integer({ min: 0, max: 5 }),
  shortW: fc.option(fc.double({ min: 4, max: 40, noNaN: true }), { nil: undefined }),
  marker: fc.option(fc.double({ min: 1, max: 12, noNaN: true }), { nil: undefined }),
  markerWithLabel: fc.boolean(),
  ring: fc.integer({ min: 0, max: 4 }),
  anchors: fc.constantFrom(ANCHOR_ORDERS.right, ANCHOR_ORDERS.above, ANCHOR_ORDERS.centre, ANCHOR_ORDERS.below),
  fullRings: fc.integer({ min: 0, max: 4 }),
});
const obstacleArb = fc.record({
  x: fc.double({ min: -50, max: W, noNaN: true }),
  y: fc.double({ min: -50, max: H, noNaN: true }),
  width: fc.double({ min: 1, max: 500, noNaN: true }),
  height: fc.double({ min: 1, max: 400, noNaN: true }),
  hidesAnchors: fc.boolean(),
});

describe('label placement', () => {
  it('puts a lone label beside its point, on the side it prefers first', () => {
    const [c] = place([{ x: 100, y: 100, w: 80, h: 16, priority: 1, marker: 5 }]);
    expect(c!.shown).toBe(true);
    expect(c!.short).toBe(false);
    expect(c!.direction).toBe(0); // right
    expect(c!.x).toBeCloseTo(100 + 5 + 3);
    expect(c!.y).toBeCloseTo(92);
  });

  it('moves to the next side when the first is taken, and hides the lower priority when all are', () => {
    const cs = place([
      { x: 300, y: 300, w: 100, h: 20, priority: 5 },
      { x: 302, y: 300, w: 100, h: 20, priority: 1 },
    ]);
    expect(cs[0]!.direction).toBe(0);
    expect(cs[1]!.shown).toBe(true);
    expect(cs[1]!.direction).not.toBe(0);
    const crowd = place([
      { x: 300, y: 300, w: 60, h: 20, priority: 1, anchors: ANCHOR_ORDERS.centre },
      { x: 300, y: 300, w: 60, h: 20, priority: 9, anchors: ANCHOR_ORDERS.centre },
    ]);
    expect(crowd.map((c) => c.shown)).toEqual([false, true]);
  });

  it('shortens before it hides, and full comes back when there is room', () => {
    const specs: Spec[] = [
      { x: 640, y: 360, w: 40, h: 20, priority: 9, anchors: ANCHOR_ORDERS.centre },
      // Only room for 30 px to the right of the point before the obstacle at 680.
      { x: 640, y: 390, w: 200, h: 18, priority: 1, shortW: 30, anchors: [0] },
    ];
    const tight = place(specs, [obstacle(680, 370, 400, 60)]);
    expect(tight[1]!.shown).toBe(true);
    expect(tight[1]!.short).toBe(true);
    expect(tight[1]!.boxWidth).toBe(30);
    expect(place(specs)[1]!.short).toBe(false);
  });

  it('moves away with a leader line when the sides are taken, if it may', () => {
    const specs: Spec[] = [
      { x: 500, y: 300, w: 300, h: 70, priority: 9, anchors: ANCHOR_ORDERS.centre },
      { x: 500, y: 300, w: 90, h: 16, priority: 5, ring: 4 },
    ];
    const cs = place(specs);
    const c = cs[1]!;
    expect(c.shown).toBe(true);
    expect(c.ring).toBeGreaterThan(0);
    // The leader starts at the point and ends on the label's box edge, outside the big box.
    expect(Math.hypot(c.leaderX0 - 500, c.leaderY0 - 300)).toBeLessThan(1);
    const b = box(c);
    expect(c.leaderX1 >= b.x && c.leaderX1 <= b.x + b.w && c.leaderY1 >= b.y && c.leaderY1 <= b.y + b.h).toBe(true);
    expect(overlap(b, box(cs[0]!))).toBe(false);
    // Without the leader permission it stays hidden.
    expect(place([specs[0]!, { ...specs[1]!, ring: 0 }])[1]!.shown).toBe(false);
  });

  it('does not let two leader lines cross', () => {
    // A big box right of two points; both labels must move out with leaders, and the leaders must not form an X.
    const cs = place([
      { x: 400, y: 300, w: 200, h: 200, priority: 9, anchors: [8] },
      { x: 290, y: 300, w: 60, h: 16, priority: 5, ring: 4, anchors: [5, 7] },
      { x: 310, y: 300, w: 60, h: 16, priority: 4, ring: 4, anchors: [7, 5] },
    ]);
    const [a, b] = [cs[1]!, cs[2]!];
    expect(a.shown && b.shown).toBe(true);
    const cross = (p: LabelCandidate, q: LabelCandidate): boolean => {
      const d = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
      const [p0x, p0y, p1x, p1y, q0x, q0y, q1x, q1y] = [p.leaderX0, p.leaderY0, p.leaderX1, p.leaderY1, q.leaderX0, q.leaderY0, q.leaderX1, q.leaderY1];
      return d(p0x, p0y, p1x, p1y, q0x, q0y) * d(p0x, p0y, p1x, p1y, q1x, q1y) < 0 && d(q0x, q0y, q1x, q1y, p0x, p0y) * d(q0x, q0y, q1x, q1y, p1x, p1y) < 0;
    };
    if (a.ring > 0 && b.ring > 0) expect(cross(a, b)).toBe(false);
  });

  it("keeps the step's subject in full with a short leader rather than shorten it, where others alternate", () => {
    // A small box 40 px right of the point: the short form fits beside it, the full one only further out.
    const blocker = { x: 550, y: 300, w: 20, h: 20, priority: 9, anchors: [8] };
    const specs = (fullRings: number): Spec[] => [blocker, { x: 500, y: 300, w: 100, h: 16, priority: 5, shortW: 30, ring: 3, fullRings, anchors: [0, 4, 5] }];
    const alternating = place(specs(0))[1]!;
    expect(alternating.short).toBe(true);
    const subject = place(specs(2))[1]!;
    expect(subject.short).toBe(false);
    expect(subject.ring).toBeGreaterThan(0);
  });

  it('keeps labels off obstacles, and hides a label whose point is under a panel', () => {
    const cs = place(
      [
        { x: 200, y: 200, w: 80, h: 16, priority: 1 },
        { x: 50, y: 50, w: 40, h: 16, priority: 9 },
      ],
      [obstacle(0, 0, 150, 150), obstacle(200 + 3, 150, 200, 100, false)],
    );
    expect(cs[1]!.shown).toBe(false); // under the panel
    expect(cs[0]!.shown).toBe(true);
    expect(cs[0]!.direction).not.toBe(0); // right is blocked by the aircraft-like obstacle
    expect(overlap(box(cs[0]!), { x: 203, y: 150, w: 200, h: 100 })).toBe(false);
  });

  it('a city dot is drawn only with its name, and neither covers a label already placed', () => {
    const cs = place([
      { x: 400, y: 400, w: 200, h: 40, priority: 9, anchors: ANCHOR_ORDERS.centre },
      { x: 400, y: 380, w: 50, h: 14, priority: 1, marker: 3, markerWithLabel: true, anchors: ANCHOR_ORDERS.above },
    ]);
    expect(cs[1]!.shown).toBe(false);
  });

  it('keeps a label off markers that are always drawn, whatever their priority', () => {
    const cs = place([
      { x: 300, y: 300, w: 60, h: 16, priority: 9, anchors: [0] },
      { x: 320, y: 300, w: 10, h: 10, priority: 0, marker: 6, anchors: ANCHOR_ORDERS.centre },
    ]);
    // The marker at 320 sits where the right-hand label would go: it is hidden rather than drawn over it.
    expect(cs[0]!.shown).toBe(false);
  });

  it('never overlaps two shown boxes, never leaves the view, never covers an obstacle', () => {
    fc.assert(
      fc.property(fc.array(specArb, { maxLength: 60 }), fc.array(obstacleArb, { maxLength: 5 }), (specs, obs) => {
        const cs = place(specs, obs);
        const shown = cs.filter((c) => c.shown);
        for (let i = 0; i < shown.length; i++) {
          const a = box(shown[i]!);
          expect(a.x).toBeGreaterThanOrEqual(0);
          expect(a.y).toBeGreaterThanOrEqual(0);
          expect(a.x + a.w).toBeLessThanOrEqual(W);
          expect(a.y + a.h).toBeLessThanOrEqual(H);
          for (const o of obs) expect(overlap(a, { x: o.x, y: o.y, w: o.width, h: o.height })).toBe(false);
          for (let j = i + 1; j < shown.length; j++) {
            const b = box(shown[j]!);
            const padded = {
              x: b.x - LABEL_GAP_PX + 0.001,
              y: b.y - LABEL_GAP_PX + 0.001,
              w: b.w + 2 * LABEL_GAP_PX - 0.002,
              h: b.h + 2 * LABEL_GAP_PX - 0.002,
            };
            expect(overlap(a, padded)).toBe(false);
          }
          // No label covers another shown label's point marker.
          for (const other of shown) {
            if (other === shown[i] || other.markerRadius === 0) continue;
            const r = other.markerRadius;
            expect(overlap(a, { x: other.anchorX - r, y: other.anchorY - r, w: 2 * r, h: 2 * r })).toBe(false);
          }
          // A leader line never runs through another label.
          const c = shown[i]!;
          if (c.ring > 0) {
            for (const other of shown) {
              if (other === c) continue;
              const b = box(other);
              expect(segmentCrossesBox(c.leaderX0, c.leaderY0, c.leaderX1, c.leaderY1, b.x, b.y, b.x + b.w, b.y + b.h)).toBe(false);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('respects priorities: what a higher priority gets never depends on the labels below it', () => {
    const noFixedMarkers = specArb.map((s) => ({ ...s, markerWithLabel: true }));
    fc.assert(
      fc.property(fc.array(noFixedMarkers, { maxLength: 50 }), fc.array(obstacleArb, { maxLength: 4 }), fc.integer({ min: 0, max: 5 }), (specs, obs, cut) => {
        const all = place(specs, obs);
        const keep = specs.map((s, i) => [s, i] as const).filter(([s]) => s.priority >= cut);
        const top = keep.map(([s, i]) => candidate(i, s));
        new LabelPlacer().place(top, top.length, obs, obs.length, W, H);
        expect(result(top)).toEqual(keep.map(([, i]) => result([all[i]!])[0]));
      }),
      { numRuns: 200 },
    );
  });

  it('is stable: the same scene gives the same picture, in any input order, frame after frame', () => {
    fc.assert(
      fc.property(fc.array(specArb, { maxLength: 50 }), fc.array(obstacleArb, { maxLength: 4 }), (specs, obs) => {
        const placer = new LabelPlacer();
        const cs = specs.map((s, i) => candidate(i, s));
        placer.place(cs, cs.length, obs, obs.length, W, H);
        const first = result(cs);
        placer.place(cs, cs.length, obs, obs.length, W, H);
        expect(result(cs)).toEqual(first);
        // Reversed input order, fresh candidates: the same picture.
        const reversed = specs.map((s, i) => candidate(i, s)).reverse();
        new LabelPlacer().place(reversed, reversed.length, obs, obs.length, W, H);
        expect(result(reversed.reverse())).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('does not flip sides when its point drifts a little and the old side still fits', () => {
    const placer = new LabelPlacer();
    const big = candidate(0, { x: 700, y: 300, w: 120, h: 60, priority: 9, anchors: ANCHOR_ORDERS.centre });
    const label = candidate(1, { x: 570, y: 300, w: 100, h: 16, priority: 1 });
    placer.place([big, label], 2, [], 0, W, H);
    // Right of the point is taken by the big box: the label sits on another side.
    expect(label.direction).not.toBe(0);
    const side = label.direction;
    // The big box goes away; the label's preferred side is free again, but it keeps its side while its point drifts.
    big.active = false;
    for (let i = 0; i < 10; i++) {
      label.anchorX += 0.3;
      big.active = false;
      label.active = true;
      placer.place([big, label], 2, [], 0, W, H);
      expect(label.direction).toBe(side);
    }
  });

  it('chooses its side afresh after a jump (a new view), not from memory', () => {
    const placer = new LabelPlacer();
    const big = candidate(0, { x: 700, y: 300, w: 120, h: 60, priority: 9, anchors: ANCHOR_ORDERS.centre });
    const label = candidate(1, { x: 570, y: 300, w: 100, h: 16, priority: 1 });
    placer.place([big, label], 2, [], 0, W, H);
    expect(label.direction).not.toBe(0);
    big.active = false;
    label.active = true;
    label.anchorX = 200;
    label.anchorY = 500;
    placer.place([big, label], 2, [], 0, W, H);
    expect(label.direction).toBe(0);
  });

  it('places a few hundred labels in well under a millisecond per frame', () => {
    const rnd = fc.sample(specArb, { numRuns: 300, seed: 42 });
    const placer = new LabelPlacer();
    const cs = rnd.map((s, i) => candidate(i, { ...s, w: Math.min(s.w, 120), h: Math.min(s.h, 20) }));
    placer.place(cs, cs.length, [], 0, W, H);
    const t0 = performance.now();
    const frames = 200;
    for (let f = 0; f < frames; f++) {
      for (const c of cs) c.active = true;
      placer.place(cs, cs.length, [obstacle(0, 0, 380, 150)], 1, W, H);
    }
    const ms = (performance.now() - t0) / frames;
    expect(ms).toBeLessThan(2);
  });
});

describe('segmentCrossesBox', () => {
  it('knows a crossing from a miss', () => {
    expect(segmentCrossesBox(0, 0, 10, 10, 4, 4, 6, 6)).toBe(true);
    expect(segmentCrossesBox(0, 10, 10, 10, 4, 4, 6, 6)).toBe(false);
    expect(segmentCrossesBox(0, 0, 3, 3, 4, 4, 6, 6)).toBe(false);
    expect(segmentCrossesBox(5, 0, 5, 10, 4, 4, 6, 6)).toBe(true);
  });
});
