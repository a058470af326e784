import { describe, expect, it } from 'vitest';
import { QUALITY_LEVELS, QUALITY_PROFILES, QualityGovernor, isQualitySetting } from '../../src/app/quality';

/** Feeds `n` frames of `ms` each; returns the tiers the governor switched to. */
function feed(g: QualityGovernor, n: number, ms: number, clock: { now: number }): string[] {
  const changes: string[] = [];
  for (let i = 0; i < n; i++) {
    clock.now += ms;
    const next = g.frame(ms, clock.now);
    if (next) changes.push(next);
  }
  return changes;
}

describe('quality tiers', () => {
  it('go from best to lightest: resolution never rises, effects only drop', () => {
    for (let i = 1; i < QUALITY_LEVELS.length; i++) {
      const a = QUALITY_PROFILES[QUALITY_LEVELS[i - 1]!];
      const b = QUALITY_PROFILES[QUALITY_LEVELS[i]!];
      expect(b.resolutionScale).toBeLessThan(a.resolutionScale);
      expect(b.tileError).toBeGreaterThanOrEqual(a.tileError);
      if (!a.antialias) expect(b.antialias).toBe(false);
      if (!a.baseImagery) expect(b.baseImagery).toBe(false);
    }
  });
  it('accepts only the three settings', () => {
    expect(['auto', 'high', 'low'].every(isQualitySetting)).toBe(true);
    expect(['', 'medium', 'AUTO', 'lowest'].some(isQualitySetting)).toBe(false);
  });
});

describe('QualityGovernor', () => {
  it('keeps the best tier when frames are fast', () => {
    const g = new QualityGovernor();
    const clock = { now: 0 };
    expect(feed(g, 200, 16, clock)).toEqual([]);
    expect(g.level).toBe('high');
    expect(g.fps).toBeCloseTo(62.5, 1);
  });

  it('steps down one tier at a time while frames are too slow, and stops at the lightest', () => {
    const g = new QualityGovernor();
    const clock = { now: 0 };
    expect(feed(g, 200, 200, clock)).toEqual(['medium', 'low', 'lowest']);
    expect(g.level).toBe('lowest');
  });

  it('decides early when the first frames are far too slow (no whole slow window)', () => {
    const g = new QualityGovernor({ window: 12 });
    const clock = { now: 0 };
    const changes: number[] = [];
    for (let i = 0; i < 12; i++) {
      clock.now += 300;
      if (g.frame(300, clock.now)) changes.push(i);
    }
    expect(changes[0]).toBeLessThan(6);
  });

  it('holds a tier that meets the target (no flipping between 18 and 44 fps)', () => {
    const g = new QualityGovernor();
    const clock = { now: 0 };
    feed(g, 40, 100, clock); // too slow: steps down
    const level = g.level;
    expect(feed(g, 300, 30, clock)).toEqual([]); // 33 fps: fine, not fast enough to try a better tier
    expect(g.level).toBe(level);
  });

  it('steps up when there is headroom, but waits before retrying a tier that was too slow', () => {
    const g = new QualityGovernor({ retryAfterMs: 10_000 });
    const clock = { now: 0 };
    expect(feed(g, 14, 80, clock)).toEqual(['medium']); // 12.5 fps at high
    expect(feed(g, 40, 10, clock)).toEqual([]); // 100 fps at medium, but high failed < 10 s ago
    clock.now += 10_000;
    expect(feed(g, 14, 10, clock)).toEqual(['high']);
    expect(feed(g, 14, 80, clock)).toEqual(['medium']); // too slow again: back off twice as long
    clock.now += 10_000;
    expect(feed(g, 40, 10, clock)).toEqual([]);
    clock.now += 10_000;
    expect(feed(g, 14, 10, clock)).toEqual(['high']);
  });

  it('ignores pauses between on-demand frames and the first intervals after motion starts', () => {
    const g = new QualityGovernor();
    const clock = { now: 0 };
    expect(feed(g, 50, 5000, clock)).toEqual([]); // a frame every 5 s is a paused app, not a slow one
    g.hold();
    clock.now += 900;
    expect(g.frame(900, clock.now)).toBeNull(); // the pause before playback started
    expect(g.level).toBe('high');
    expect(g.fps).toBeNull();
  });

  it('counts long intervals as slow frames while playback is known to run', () => {
    const g = new QualityGovernor();
    let now = 0;
    const changes: string[] = [];
    for (let i = 0; i < 8; i++) {
      now += 2500;
      const next = g.frame(2500, now, true);
      if (next) changes.push(next);
    }
    expect(changes[0]).toBe('medium');
  });

  it('starts over at the tier it is reset to', () => {
    const g = new QualityGovernor();
    const clock = { now: 0 };
    feed(g, 100, 200, clock);
    g.reset('high');
    expect(g.level).toBe('high');
  });
});
