import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { largestFreeRect, overlaps, rect, stageScore, type Rect } from '../../src/compose/stage';

const VIEW = rect(0, 0, 1280, 720);

describe('largestFreeRect', () => {
  it('is the whole viewport without panels', () => {
    expect(largestFreeRect(VIEW, [])).toEqual(VIEW);
  });

  it('leaves out the classroom layout: clock left, controls right, caption below', () => {
    const panels = [rect(10, 10, 370, 140), rect(940, 10, 330, 390), rect(10, 450, 800, 250), rect(820, 535, 450, 165)];
    const stage = largestFreeRect(VIEW, panels, 8);
    for (const p of panels) expect(overlaps(stage, p)).toBe(false);
    // The middle column between the clock and the controls, above the caption.
    expect(stage).toEqual(rect(388, 0, 544, 442));
  });

  it('keeps the gap to every panel', () => {
    const stage = largestFreeRect(VIEW, [rect(0, 600, 1280, 120)], 10);
    expect(stage).toEqual(rect(0, 0, 1280, 590));
  });

  it('prefers a usable shape to a thin strip of the same area', () => {
    expect(stageScore(rect(0, 0, 100, 1000))).toBeLessThan(stageScore(rect(0, 0, 400, 250)));
  });

  it('never values a rectangle less than one it contains', () => {
    expect(stageScore(rect(0, 47, 1280, 379))).toBeGreaterThan(stageScore(rect(475, 47, 805, 379)));
    expect(stageScore(rect(0, 0, 1280, 100))).toBeGreaterThanOrEqual(stageScore(rect(0, 0, 260, 100)));
  });

  it('ignores empty and off-screen panels', () => {
    expect(largestFreeRect(VIEW, [rect(10, 10, 0, 300), rect(2000, 0, 100, 100)])).toEqual(VIEW);
  });

  it('never overlaps any panel and stays inside the viewport (random layouts)', () => {
    const panel = fc.record({
      x: fc.integer({ min: -50, max: 1250 }),
      y: fc.integer({ min: -50, max: 700 }),
      width: fc.integer({ min: 1, max: 600 }),
      height: fc.integer({ min: 1, max: 400 }),
    });
    fc.assert(
      fc.property(fc.array(panel, { maxLength: 10 }), (panels: Rect[]) => {
        const s = largestFreeRect(VIEW, panels, 4);
        if (s.width === 0) return true;
        expect(s.x).toBeGreaterThanOrEqual(0);
        expect(s.y).toBeGreaterThanOrEqual(0);
        expect(s.x + s.width).toBeLessThanOrEqual(1280);
        expect(s.y + s.height).toBeLessThanOrEqual(720);
        for (const p of panels) expect(overlaps(s, rect(p.x - 4, p.y - 4, p.width + 8, p.height + 8))).toBe(false);
        return true;
      }),
    );
  });
});
